import Hummingbird

/// The desk's own stylesheet and script, compiled into the binary: no build step, nothing
/// fetched from elsewhere, works offline.
struct AssetsController {
    func addRoutes(to router: Router<DeskRequestContext>) {
        router.get("assets/desk.css") { _, _ in Self.asset(DeskStyle.source, type: "text/css; charset=utf-8") }
        router.get("assets/desk.js") { _, _ in Self.asset(DeskScript.source, type: "text/javascript; charset=utf-8") }
        router.get("assets/suggest.css") { _, _ in Self.asset(SuggestStyle.source, type: "text/css; charset=utf-8") }
        router.get("assets/suggest.js") { _, _ in Self.asset(SuggestScript.source, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
