import FactDesk
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import NIOCore

/// The web desk: pages, sign-in and the JSON API over one desk, a thin HTTP shell over the same
/// FactDesk calls as the command-line tool. Every page and API route but sign-in needs a
/// signed-in editor; every change is one commit authored by them.
public enum WebDesk {
    /// The application serving the desk at `path` as `configuration` says.
    /// `onListening` gets the port it listens on (useful with port 0, which picks a free one).
    public static func application(desk path: String, configuration: ServerConfiguration,
                                   onListening: @escaping @Sendable (Int) -> Void = { _ in }) throws -> some ApplicationProtocol {
        let desk = try DeskPool(path: path)
        let router = try router(desk: desk, configuration: configuration)
        var http = HTTP1Channel.Configuration()
        // A client that stops sending is dropped: slow or stalled requests do not tie up the server.
        http.idleTimeout = .seconds(30)
        return Application(
            router: router, server: .http1(configuration: http),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "FactDesk"),
            onServerRunning: { channel in
                onListening(channel.localAddress?.port ?? configuration.port)
                if let sync = configuration.sync { Task { await sync.run(with: desk) } }
            })
    }

    /// The routes and middleware, for the application and for tests.
    static func router(desk path: String, configuration: ServerConfiguration) throws -> Router<DeskRequestContext> {
        try router(desk: DeskPool(path: path), configuration: configuration)
    }

    private static func router(desk: DeskPool, configuration: ServerConfiguration) throws -> Router<DeskRequestContext> {
        let sessionStorage = SessionStorage<DeskSession>(
            MemoryPersistDriver(),
            configuration: .init(sessionCookieParameters: .init(name: "factdesk_session", path: "/", secure: configuration.behindHTTPS,
                                                                sameSite: .strict)))
        let router = Router(context: DeskRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorResponseMiddleware())
        router.add(middleware: SessionMiddleware(sessionStorage: sessionStorage, defaultSessionExpiration: configuration.sessionLifetime))
        router.add(middleware: EditorAuthenticator(desk: desk))
        AssetsController().addRoutes(to: router)
        SignInController(desk: desk, sessions: sessionStorage, lifetime: configuration.sessionLifetime,
                         behindHTTPS: configuration.behindHTTPS).addRoutes(to: router)
        router.get("api/openapi.json") { _, _ in JSONResponse.make(json: OpenAPIDocument.json) }
        let signedIn = router.group().add(middleware: RequireSignInMiddleware()).add(middleware: CSRFMiddleware(behindHTTPS: configuration.behindHTTPS))
        APIController(desk: desk).addRoutes(to: signedIn.group("api/v1"))
        SuggestionsController(desk: desk).addRoutes(to: signedIn.group("api/v1"))
        PagesController(desk: desk).addRoutes(to: signedIn)
        return router
    }
}
