/// The API's OpenAPI 3.1 description, served at `/api/openapi.json`; the same document is
/// committed as `docs/openapi.json` and checked against the running server.
enum OpenAPIDocument {
    static let json = #"""
    {"openapi": "3.1.0", "info": {"title": "FactDesk", "version": "1"}, "paths": {}}
    """#
}
