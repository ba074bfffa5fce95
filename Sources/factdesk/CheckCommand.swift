import ArgumentParser
import FactDesk
import Foundation

/// `factdesk check [--repair]`: is the desk healthy? Exit status 0 when it is.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the whole desk; --repair brings the working tree and index back in step with the branch.")

    @Flag(name: .long, help: "Repair what can be repaired without touching a commit.")
    var repair = false

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try desk.openStore().check(repair: repair)
        if output.json {
            try Output.printJSON(report)
        } else {
            for problem in report.problems {
                print("\(problem.repaired ? "repaired" : "problem "): \(problem.path): \(problem.problem)")
            }
            let left = report.problems.filter { !$0.repaired }.count
            print("\(report.articles) article(s), \(report.claims) claim(s), \(report.commits) commit(s): "
                  + (left == 0 ? "healthy" : "\(left) problem(s)") + (report.problems.isEmpty || left > 0 ? "" : " after repair"))
        }
        if !report.healthy { throw ExitCode(1) }
    }
}
