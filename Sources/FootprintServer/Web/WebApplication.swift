import FootprintCore
import FootprintStore
import Foundation
import Hummingbird
import Logging
import NIOPosix

/// The web app (docs/web.md): server-rendered pages under `/app/` on the PACT host's server and
/// port, for the workspace's users (`footprint users`). Its routes are a group of their own, behind
/// `WebResponseMiddleware` (security headers, HTML errors) and `WebSessionMiddleware` (the session
/// in the context, CSRF on every POST); the PACT routes are untouched. Every figure comes from the
/// same store functions the CLI prints from (`WebFigures`).
public struct WebApplication: Sendable {
    public let workspace: Workspace
    public let configuration: WebConfiguration

    /// What the pages derive from stored runs, kept by run (runs never change).
    let cache = WebCache()
    let pages = WebPageCache()
    /// The workspace's stamp, which says whether kept pages are still good.
    let stamps: WorkspaceStamp.Reader
    /// Long work started from the browser, in memory (`WebJobs`).
    let jobs = WebJobs()
    /// What the jobs that read every line of runs found: diffs' splits, runs' verifications (`WebRunChecks`).
    let checks = WebRunChecks()

    public init(workspace: Workspace, configuration: WebConfiguration = WebConfiguration()) {
        self.workspace = workspace
        self.configuration = configuration
        stamps = WorkspaceStamp.Reader(workspace)
    }

    var users: UserStore { workspace.users }
    var figures: WebFigures { WebFigures(workspace: workspace, cache: cache) }

    func register(on router: Router<PACTRequestContext>) {
        router.get("/") { _, _ in
            var response = WebResponse.redirect("/app/")
            WebResponseMiddleware.secure(&response)
            return response
        }
        let app = router.group("app")
            .add(middleware: WebResponseMiddleware())
            .add(middleware: WebSessionMiddleware(users: users, configuration: configuration))
        app.get("/static/app.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: WebStyle.css))
            )
        }
        app.get("/") { _, context in WebResponse.redirect(WebAccess.home(for: try context.user())) }
        app.get("/login") { request, context in loginPage(request, context: context) }
        app.post("/login") { request, context in try await login(request, context: context) }
        app.post("/logout") { _, context in try logout(context: context) }
        app.post("/language") { request, context in try await language(request, context: context) }
        page(app, "/overview") { request, context in try overview(request, context: context) }
        page(app, "/inventory") { request, context in try inventory(request, context: context) }
        page(app, "/customers") { request, context in try customers(request, context: context) }
        page(app, "/customers/{id}") { request, context in
            try statement(request, context: context, customer: context.parameters.get("id") ?? "")
        }
        app.get("/imports", use: kept { request, context in try imports(request, context: context) })
        app.post("/imports") { request, context in try await upload(request, context: context) }
        for method in [HTTPRequest.Method.put, .delete, .patch] {
            app.on("/imports", method: method) { _, _ -> Response in throw HTTPError(.notFound) }
        }
        page(app, "/suppliers") { request, context in try suppliers(request, context: context) }
        page(app, "/runs") { request, context in try runs(request, context: context) }
        page(app, "/runs/{id}") { request, context in try run(request, context: context, id: context.parameters.get("id") ?? "") }
        // The pages of the second slice (WebPages+Methods, +Supplier, +Engagement, +RunDiff, +PACT).
        page(app, "/methods") { request, context in try methodMix(request, context: context) }
        page(app, "/suppliers/{id}") { request, context in try supplier(request, context: context, id: context.parameters.get("id") ?? "") }
        page(app, "/engagement") { request, context in try engagement(request, context: context) }
        page(app, "/engagement/requests") { request, context in try requests(request, context: context) }
        // The diff and a run's verification: GET the page, POST starts the job that reads the lines (WebPages+RunChecks).
        registerRunChecks(app)
        page(app, "/pact") { request, context in try pact(request, context: context) }
        registerJobs(app)
        for path: RouterPath in ["/logout", "/language"] { app.get(path) { _, _ -> Response in throw HTTPError(.notFound) } }
        // Anything else under /app answers 404, for every user: guessed URLs tell nothing.
        app.get("/**") { _, _ -> Response in throw HTTPError(.notFound) }
        app.post("/**") { _, _ -> Response in throw HTTPError(.notFound) }
    }

    /// A page: GET renders it; any other method answers 404 (after the CSRF check of a POST), as a
    /// path that does not exist does, so that no method tells what is there. Unless `cached` is false,
    /// the page a user got is kept until anything is committed to the workspace (`WebPageCache`).
    func page(
        _ group: RouterGroup<PACTRequestContext>,
        _ path: RouterPath,
        cached: Bool = true,
        _ handler: @escaping @Sendable (Request, PACTRequestContext) async throws -> Response
    ) {
        group.get(path, use: cached ? kept(handler) : handler)
        for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
            group.on(path, method: method) { _, _ -> Response in throw HTTPError(.notFound) }
        }
    }

    /// `handler`, whose page a user got is kept until anything is committed to the workspace (`WebPageCache`).
    func kept(
        _ handler: @escaping @Sendable (Request, PACTRequestContext) async throws -> Response
    ) -> @Sendable (Request, PACTRequestContext) async throws -> Response {
        let pages = self.pages
        let stamps = self.stamps
        return { request, context in
            guard let session = context.webSession, let stamp = stamps.now() else { return try await handler(request, context) }
            let key = WebPageCache.Key(user: session.user.id, uri: request.uri.description)
            if let kept = pages.lookup(key, stamp: stamp, token: session.csrfToken) { return kept }
            return try await pages.keep(try await handler(request, context), key: key, stamp: stamp, token: session.csrfToken)
        }
    }

    // MARK: signing in and out

    func loginPage(
        _ request: Request,
        context: PACTRequestContext,
        message: WebText.Key? = nil,
        status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        if let session = context.webSession, message == nil { return WebResponse.redirect(WebAccess.home(for: session.user)) }
        let text = WebText(language: request.uri.queryParameters.get("lang") == "nb" ? .nb : .en)
        let token = UserStore.randomToken()
        var body = ""
        if let message { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(text(message)))</p>\n" }
        body += """
            <form method="post" action="/app/login" class="login">
            <input type="hidden" name="_csrf" value="\(token)">
            <p><label for="name">\(text(.userName))</label>
            <input id="name" name="name" autocomplete="username" required></p>
            <p><label for="password">\(text(.password))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(text(.signIn))</button></p>
            </form>
            <p class="languages">\(text.language == .nb ? "<a href=\"/app/login\" lang=\"en\">English</a>" : "<a href=\"/app/login?lang=nb\" lang=\"nb\">Norsk (bokmål)</a>")</p>

            """
        let page = WebPage(title: text(.signIn), session: nil, text: text, body: body)
        return WebResponse.html(page.render(), status: status, headers: [.setCookie: WebCookie.set(WebCookie.loginCSRF, token, maxAge: 3600)])
    }

    func login(_ request: Request, context: PACTRequestContext) async throws -> Response {
        var request = request
        let form = WebForm(String(buffer: try await request.collectBody(upTo: configuration.maxFormBytes)))
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let address = context.clientAddress
        let failures = try users.loginFailures(name: name, address: address, window: configuration.lockoutWindow)
        if failures.user >= configuration.maxFailuresPerUser || failures.address >= configuration.maxFailuresPerAddress {
            // Locked: the password is not even checked, and the attempt counts (a lock-out that
            // guesses could end early would be no lock-out).
            try users.recordLoginAttempt(name: name, address: address, succeeded: false)
            context.logger.notice("web: sign-in refused, locked out", metadata: ["user": "\(name.prefix(64))", "address": "\(address)"])
            return loginPage(request, context: context, message: .lockedOut, status: .tooManyRequests)
        }
        let credentials = try users.credentials(name: name)
        // scrypt is slow on purpose: off the event loop. An unknown name is hashed against a dummy
        // so that its answer takes as long as a known one's.
        let hash = credentials?.1 ?? Self.dummyHash
        let valid = try await NIOThreadPool.singleton.runIfActive { hash.verify(password) }
        guard valid, let (user, _) = credentials else {
            try users.recordLoginAttempt(name: name, address: address, succeeded: false)
            context.logger.notice("web: sign-in failed", metadata: ["user": "\(name.prefix(64))", "address": "\(address)"])
            return loginPage(request, context: context, message: .wrongCredentials, status: .unauthorized)
        }
        try users.recordLoginAttempt(name: user.name, address: address, succeeded: true)
        // A new session id at every sign-in (no fixation): the old one, if any, ends.
        if let old = context.webSessionID { try users.endSession(id: old) }
        let (id, session) = try users.startSession(userID: user.id, lifetime: configuration.sessionLifetime, address: address)
        var response = WebResponse.redirect(WebAccess.home(for: session.user))
        response.headers[values: .setCookie] = [
            WebCookie.set(WebCookie.session, id, maxAge: Int(configuration.sessionLifetime)), WebCookie.clear(WebCookie.loginCSRF),
        ]
        return response
    }

    static let dummyHash = try! PasswordHash.make(password: UserStore.randomToken())

    func logout(context: PACTRequestContext) throws -> Response {
        if let id = context.webSessionID { try users.endSession(id: id) }
        return WebResponse.redirect("/app/login", headers: [.setCookie: WebCookie.clear(WebCookie.session)])
    }

    func language(_ request: Request, context: PACTRequestContext) async throws -> Response {
        let user = try context.user()
        var request = request
        let form = WebForm(String(buffer: try await request.collectBody(upTo: configuration.maxFormBytes)))
        guard let language = form["language"].flatMap(StatementLanguage.init(rawValue:)) else { throw HTTPError(.badRequest) }
        try users.setLanguage(userID: user.id, language)
        return WebResponse.redirect(WebAccess.home(for: user))
    }
}

extension PACTRequestContext {
    /// The signed-in user (every page but sign-in is behind `WebSessionMiddleware`, which redirects without one).
    func user() throws -> WebUser {
        guard let user = webSession?.user else { throw HTTPError(.unauthorized) }
        return user
    }

    /// The signed-in user, when it may see `page`; else 404 (a customer user learns nothing of what is there).
    func user(allowedTo page: WebAccess.Page) throws -> WebUser {
        let user = try user()
        guard WebAccess.allows(user, page) else { throw HTTPError(.notFound) }
        return user
    }
}
