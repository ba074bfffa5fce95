import ArgumentParser
import FactDesk

/// `factdesk policy [--json]`, `factdesk policy set KEY VALUE`, `factdesk policy unset KEY`.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show or change the desk's editorial policy (one commit per change).",
        subcommands: [PolicyShowCommand.self, PolicySetCommand.self, PolicyUnsetCommand.self],
        defaultSubcommand: PolicyShowCommand.self)
}

/// `factdesk policy show`: every key with its value and what it does.
struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the desk's policy.")

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let settings = try desk.openStore().policy()
        if output.json {
            var values: [String: String?] = [:]
            for key in PolicyKey.allCases { values[key.rawValue] = .some(key.value(in: settings)) }
            return try Output.printJSON(values)
        }
        for key in PolicyKey.allCases {
            let name = key.rawValue + String(repeating: " ", count: max(0, 26 - key.rawValue.count))
            print("\(name)\(key.value(in: settings) ?? "(unset)")    \(key.summary)")
        }
    }
}

/// `factdesk policy set KEY VALUE`.
struct PolicySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a policy key: verified-requires-source, second-review (on/off), publisher-name, publisher-url.")

    @Argument(help: "The key.")
    var key: String

    @Argument(help: "The value.")
    var value: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let policyKey = try PolicyKey.parse(key)
        let store = try desk.openStore()
        let settings = try store.setPolicy(policyKey, to: value, editor: try desk.resolvedEditor())
        print("\(policyKey.rawValue) is now \(policyKey.value(in: settings) ?? "unset")")
    }
}

/// `factdesk policy unset KEY`.
struct PolicyUnsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "Clear publisher-name or publisher-url.")

    @Argument(help: "The key.")
    var key: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let policyKey = try PolicyKey.parse(key)
        let store = try desk.openStore()
        try store.setPolicy(policyKey, to: nil, editor: try desk.resolvedEditor())
        print("\(policyKey.rawValue) is now unset")
    }
}
