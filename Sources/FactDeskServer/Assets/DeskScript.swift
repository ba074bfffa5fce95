/// The web desk's script: selections to claims, the claim panel, keyboard navigation.
enum DeskScript {
    static let source = """
    "use strict";
    """
}
