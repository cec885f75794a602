import Testing

@testable import Application
@testable import Settings

/// `tools:` read from config.yaml and the environment.
@Suite struct ToolPresentationConfigTests {
    @Test func theShippedLimitsAndAutoAreTheDefaults() throws {
        let config = try UnitConfig.load("")
        #expect(config.tools.mode == .auto && config.tools.pinned.isEmpty && config.tools.overrides.isEmpty)
        #expect(config.tools.clientLimits == ToolPresentationSettings.shippedClientLimits)
    }

    @Test func modePinnedLimitsAndOverridesAreRead() throws {
        let config = try UnitConfig.load(
            """
            tools:
              mode: search
              pinned: [A, B]
              client_limits: {My-Agent: 20, cursor: 10}
              overrides:
                A:
                  title: Do A
                  annotations: {destructiveHint: yes, readOnlyHint: false}
            """)
        #expect(config.tools.mode == .search && config.tools.pinned == ["A", "B"])
        #expect(config.tools.clientLimits["my-agent"] == 20 && config.tools.clientLimits["cursor"] == 10)
        #expect(config.tools.clientLimits["windsurf"] == 50)
        #expect(
            config.tools.overrides["A"]
                == ToolOverride(title: "Do A", hints: ["destructiveHint": true, "readOnlyHint": false]))
    }

    @Test func theVariablesWinOverTheFile() throws {
        let config = try UnitConfig.load(
            "tools: {mode: direct}",
            environment: ["TOOLS_MODE": "search", "TOOLS_PINNED": "X,Y", "TOOLS_CLIENT_LIMITS": "cursor=5, Foo=7"])
        #expect(config.tools.mode == .search && config.tools.pinned == ["X", "Y"])
        #expect(config.tools.clientLimits["cursor"] == 5 && config.tools.clientLimits["foo"] == 7)
    }

    @Test func mistakesNameTheirKeyAndLine() {
        let errors = UnitConfig.errors(
            """
            tools:
              mode: fancy
              client_limits: {cursor: lots}
              overrides:
                A: {title: x, annotation: {}}
                B: {annotations: {dangerHint: true, readOnlyHint: maybe}}
            """)
        #expect(
            errors.map(\.key) == [
                "tools.mode", "tools.client_limits.cursor", "tools.overrides.A.annotation",
                "tools.overrides.B.annotations.dangerHint", "tools.overrides.B.annotations.readOnlyHint",
            ])
        let lines = errors.map { error -> Int? in
            if case .file(_, let line, _) = error.location { return line }
            return nil
        }
        #expect(lines == [2, 3, 5, 6, 6])
        #expect(
            UnitConfig.errors("", environment: ["TOOLS_CLIENT_LIMITS": "cursor"]).map(\.key) == ["TOOLS_CLIENT_LIMITS"])
    }
}
