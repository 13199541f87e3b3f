import FootprintCore
import FootprintStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// How the web app signs users in and keeps them signed in.
public struct WebConfiguration: Sendable {
    /// How long a session lasts from sign-in (default 8 hours).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// The lock-out window: failed sign-ins are counted over it (default 15 minutes).
    public var lockoutWindow: TimeInterval = 15 * 60
    /// Failed sign-ins for one user name in the window (since its last success) before it is locked (default 5).
    public var maxFailuresPerUser = 5
    /// Failed sign-ins from one client address in the window, whatever the name, before it is locked (default 20).
    public var maxFailuresPerAddress = 20
    /// Lines per page of the inventory's line lists (default 50).
    public var linesPerPage = 50
    /// Largest form body accepted (default 64 KiB).
    public var maxFormBytes = 64 << 10
    /// Largest upload accepted on the imports page (default 64 MiB).
    public var maxUploadBytes = 64 << 20

    public init() {}
}

/// The cookies: `__Host-` names, so that the browser only accepts them Secure, from this host, with
/// Path=/ and without a Domain (no subdomain can plant one).
enum WebCookie {
    /// The session id.
    static let session = "__Host-footprint-session"
    /// The sign-in form's CSRF token (double-submit: the cookie and the form's field must be equal),
    /// as there is no session yet to keep it.
    static let loginCSRF = "__Host-footprint-login"

    static func set(_ name: String, _ value: String, maxAge: Int?) -> String {
        "\(name)=\(value); Path=/; Secure; HttpOnly; SameSite=Strict" + (maxAge.map { "; Max-Age=\($0)" } ?? "")
    }

    static func clear(_ name: String) -> String { "\(name)=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0" }
}

/// Who may see what. Every internal role reads every page of this slice; a customer only its own
/// statement (anything else answers 404, the same as a page that does not exist, so a customer user
/// cannot tell what is there).
enum WebAccess {
    enum Page {
        case overview, inventory, customerList, suppliers, runs
        /// The method mix over time, supplier engagement (KPIs, target, data requests) and the PACT exchange: every internal role, read-only.
        case methods, engagement, pact
        /// The imports and uploading a file: administrators and analysts.
        case imports
        /// A run's inputs with their hashes, and its lines: for the roles that audit or work on the data.
        case runDetail
        case statement(customer: String)
    }

    static func allows(_ user: WebUser, _ page: Page) -> Bool {
        switch (user.role, page) {
        case (.customer, .statement(let id)): return id == user.customerID
        case (.customer, _): return false
        case (.viewer, .runDetail): return false
        case (.viewer, .imports), (.auditor, .imports): return false
        default: return true
        }
    }

    /// Where `/app/` takes the user.
    static func home(for user: WebUser) -> String {
        if user.role == .customer, let id = user.customerID { return "/app/customers/\(FormBody.encode(id))" }
        return "/app/overview"
    }

    static func navigation(for user: WebUser) -> [(String, WebText.Key)] {
        if user.role == .customer { return [(home(for: user), .statement)] }
        return [
            ("/app/overview", .overview), ("/app/inventory", .inventory), ("/app/suppliers", .suppliers), ("/app/customers", .customers),
            ("/app/runs", .runs), ("/app/methods", .methodMix), ("/app/engagement", .engagement), ("/app/pact", .pact),
        ] + (allows(user, .imports) ? [("/app/imports", .imports)] : [])
    }
}

/// Header names swift-http-types does not name.
enum HeaderName {
    typealias Name = HTTPFields.Element.Name
    static let referrerPolicy = Name("Referrer-Policy")!
    static let frameOptions = Name("X-Frame-Options")!
    static let openerPolicy = Name("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = Name("Permissions-Policy")!
}

/// Outermost middleware of the web app's routes: the security headers on every response, and every
/// error turned into an HTML page (never a stack trace: details go to the log).
struct WebResponseMiddleware: RouterMiddleware {
    typealias Context = PACTRequestContext

    /// No script at all, styles and images from us only, forms posting only to us, never framed.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func secure(_ response: inout Response) {
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HeaderName.referrerPolicy] = "no-referrer"
        response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        response.headers[HeaderName.frameOptions] = "DENY"
        response.headers[HeaderName.openerPolicy] = "same-origin"
        response.headers[HeaderName.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Self.errorPage(error.status, context: context)
        } catch is NIOTooManyBytesError {
            response = Self.errorPage(.contentTooLarge, context: context)
        } catch WorkspaceError.noRuns {
            // Nothing calculated yet: said so, on the page the user asked for.
            let text = WebText(language: context.webSession?.user.language ?? .en)
            let page = WebPage(title: text(.appName), session: context.webSession, text: text, body: "<p>\(HTML.escape(text(.noRun)))</p>\n")
            response = WebResponse.html(page.render())
        } catch {
            context.logger.error("web request failed: \(error)")
            response = Self.errorPage(.internalServerError, context: context)
        }
        Self.secure(&response)
        return response
    }

    static func errorPage(_ status: HTTPResponse.Status, context: Context) -> Response {
        let text = WebText(language: context.webSession?.user.language ?? .en)
        let (title, message): (WebText.Key, WebText.Key) =
            switch status.code {
            case 404: (.notFound, .notFoundText)
            case 403: (.forbidden, .forbiddenText)
            case 429: (.tooMany, .lockedOut)
            default: (.serverError, .serverErrorText)
            }
        let page = WebPage(
            title: text(title),
            session: context.webSession,
            text: text,
            body: "<p>\(HTML.escape(text(message)))</p>\n<p><a href=\"/app/\">\(HTML.escape(text(.home)))</a></p>\n"
        )
        return WebResponse.html(page.render(), status: status)
    }
}

/// Finds the session the cookie names and puts it in the context; a page that needs a user
/// redirects to the sign-in page without one. Every POST must carry the CSRF token: the session's
/// (constant-time compare), or on the sign-in form the login cookie's; without it the answer is 403
/// and nothing happens.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = PACTRequestContext
    let users: UserStore
    let configuration: WebConfiguration

    /// Paths open without a session.
    static let open: Set<String> = ["/app/login", "/app/static/app.css"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[WebCookie.session]?.value, !id.isEmpty, let session = try users.session(id: id) {
            context.webSession = session
            context.webSessionID = id
        }
        let path = request.uri.path
        var request = request
        if request.method == .post {
            let given: String?
            if let boundary = WebMultipart.boundary(request.headers[.contentType]) {
                // An upload: read only with a session, up to the upload limit.
                let body = try await request.collectBody(upTo: context.webSession == nil ? configuration.maxFormBytes : configuration.maxUploadBytes)
                given = WebMultipart(body, boundary: boundary)?.text("_csrf")
            } else {
                given = WebForm(String(buffer: try await request.collectBody(upTo: configuration.maxFormBytes)))["_csrf"]
            }
            let expected: String? =
                path == "/app/login" ? request.cookies[WebCookie.loginCSRF]?.value : context.webSession?.csrfToken
            guard let expected, !expected.isEmpty, let given, Self.equal(given, expected) else {
                context.logger.notice("web: POST without a valid CSRF token refused", metadata: ["path": "\(path)"])
                throw HTTPError(.forbidden)
            }
        }
        if context.webSession == nil && !Self.open.contains(path) {
            return WebResponse.redirect("/app/login")
        }
        return try await next(request, context)
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (p, q) in zip(x, y) { difference |= p ^ q }
        return difference == 0
    }
}

/// An `application/x-www-form-urlencoded` body: the first value of each field.
struct WebForm {
    private var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormBody.decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? FormBody.decode(parts[1]) : "" }
        }
    }

    subscript(_ name: String) -> String? { fields[name] }
}
