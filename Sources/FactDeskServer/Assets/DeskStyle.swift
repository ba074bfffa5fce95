/// The web desk's stylesheet.
enum DeskStyle {
    static let source = """
    :root { --unverified: #b3261e; --in-review: #b26a00; --verified: #1b6e3a; --false: #6a1b9a; --misleading: #8a4b08; --unverifiable: #455a64; }
    body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
    main { max-width: 78rem; margin: 0 auto; padding: 1rem; }
    """
}
