import FootprintCore
import FootprintStore
import Hummingbird
import Logging
import NIOCore

/// The responses of the PACT API: JSON bodies, `{code, message}` errors (always application/json,
/// as PACT clients only read JSON error bodies), and RFC 6749 errors on the token endpoint.
enum PACTResponse {
    static let jsonType = "application/json"

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = jsonType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        json(value.compactData(), status: status, headers: headers)
    }

    /// A PACT error body: `{"code": …, "message": …}`.
    static func error(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) -> Response {
        json(.object([("code", .string(code)), ("message", .string(message))]), status: status, headers: headers)
    }

    /// A PACT `BadRequest` error body (400).
    static func badRequest(_ message: String) -> Response { error(.badRequest, code: "BadRequest", message: message) }

    /// An RFC 6749 §5.2 error from the token endpoint.
    static func oauthError(_ status: HTTPResponse.Status, error: String, description: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.cacheControl] = "no-store"
        return json(.object([("error", .string(error)), ("error_description", .string(description))]), status: status, headers: fields)
    }

    /// The PACT error code for an HTTP status.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 405, 411, 413, 415, 422: "BadRequest"
        case 401: "BadRequest"
        case 403: "AccessDenied"
        case 404: "NotFound"
        case 501: "NotImplemented"
        default: "InternalError"
        }
    }
}

/// Turns every error that reaches it (an unknown path, a wrong method, a body over the limit, a
/// failure of ours) into a PACT error body. Internal details are logged, never sent.
struct PACTErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let status = error.status
            let message: String =
                switch status.code {
                case 404: "no such resource: \(request.method) \(request.uri.path)"
                case 405: "\(request.method) is not allowed on \(request.uri.path)"
                case 413: "the request body is larger than the server accepts"
                default: error.body ?? status.reasonPhrase
                }
            return PACTResponse.error(status, code: PACTResponse.code(for: status), message: message)
        } catch is NIOTooManyBytesError {
            return PACTResponse.error(.contentTooLarge, code: "BadRequest", message: "the request body is larger than the server accepts")
        } catch {
            context.logger.error("request failed: \(error)")
            return PACTResponse.error(
                .internalServerError,
                code: "InternalError",
                message: "the server could not answer; the operator can find the cause in its log"
            )
        }
    }
}
