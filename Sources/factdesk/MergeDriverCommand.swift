import ArgumentParser
import FactDesk
import Foundation

/// `factdesk merge-driver install|merge`: lets plain `git merge` and `git pull` merge claims as sync does.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver", abstract: "Let git merge claim files field by field, as sync does.",
        subcommands: [MergeDriverInstallCommand.self, MergeDriverMergeCommand.self])

    /// How git should run this FactDesk: its absolute path, so the driver works from any directory.
    static var command: String {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `factdesk merge-driver install`: for a clone made before the driver existed (init does this itself).
struct MergeDriverInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Configure the driver in this clone and commit the desk's .gitattributes entry if it is missing.")

    @OptionGroup var desk: DeskOptions

    func run() throws {
        try desk.openStore().installMergeDriver(command: MergeDriverCommand.command, editor: try desk.resolvedEditor())
    }
}

/// `factdesk merge-driver merge BASE OURS THEIRS PATH`: what git runs (`%O %A %B %P`).
struct MergeDriverMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge one desk file (run by git: writes the result into OURS; exits 1 on a conflict).")

    @Argument(help: "The common ancestor's version (%O).") var base: String
    @Argument(help: "Our version, replaced by the result (%A).") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The file's path in the repository (%P).") var path: String

    func run() throws {
        let read = { (file: String) throws -> Data in
            guard let data = FileManager.default.contents(atPath: file) else { throw FactDeskError.storage("cannot read \(file)") }
            return data
        }
        // git passes an empty file as the ancestor of a file added on both sides.
        let baseData = try read(base)
        guard let merged = try MergeDriver.merge(base: baseData.isEmpty ? nil : baseData, ours: try read(ours),
                                                 theirs: try read(theirs), path: path) else {
            Output.fail("\(path): set differently on both sides; edit it and commit")
        }
        do {
            try merged.write(to: URL(fileURLWithPath: ours))
        } catch {
            throw FactDeskError.storage("cannot write \(ours): \(error.localizedDescription)")
        }
    }
}
