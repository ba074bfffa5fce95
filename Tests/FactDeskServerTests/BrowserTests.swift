import Foundation
import TestSupport
import Testing

/// The web desk in a real browser: `Tests/Browser/browser_test.py` drives headless Chromium with
/// Selenium against `factdesk serve` on a throwaway desk (sign in, select with the mouse and the
/// keyboard, file, verify, history, report, review, sign out). It needs Debian's `chromium` and
/// `chromium-driver` and PyPI's `selenium`; without them this test fails, it never skips.
/// Screenshots go to `.build/screenshots/`; with FACTDESK_UPDATE_DOCS=1 the README's
/// `docs/article-page.png` is made again too.
@Suite struct BrowserTests {
    @Test(.timeLimit(.minutes(10)))
    func anEditorWorksTheDeskInHeadlessChromium() throws {
        try #require(FileManager.default.isExecutableFile(atPath: BuiltProducts.factdesk),
                     "no built factdesk beside the tests (looked for \(BuiltProducts.factdesk))")
        let script = BuiltProducts.packageRoot.appendingPathComponent("Tests/Browser/browser_test.py").path
        let screenshots = BuiltProducts.packageRoot.appendingPathComponent(".build/screenshots").path
        var arguments = [script, "--factdesk", BuiltProducts.factdesk, "--screenshots", screenshots]
        // The README's screenshot is made again only when asked, so a test run leaves the tree clean.
        if ProcessInfo.processInfo.environment["FACTDESK_UPDATE_DOCS"] == "1" {
            arguments += ["--docs", BuiltProducts.packageRoot.appendingPathComponent("docs/article-page.png").path]
        }
        let result = try ProcessRunner.run("/usr/bin/env", ["python3"] + arguments)
        #expect(result.status == 0, """
            the browser test failed (exit \(result.status)); screenshots in \(screenshots)
            \(result.stdout)
            \(result.stderr)
            """)
    }
}
