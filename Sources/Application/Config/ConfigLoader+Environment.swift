import Settings

extension ConfigLoader {
    /// The TypeScript paragon-mcp's variables (and a few of ours) override config.yaml: each
    /// declared setting's variable (``HostConfig/declarations``), then the provider toggles. An
    /// empty variable overrides nothing.
    func applyEnvironment(to config: inout HostConfig, _ reader: inout ConfigReader) {
        environment.apply(HostConfig.declarations, to: &config, &reader)
        applyProviderToggles(to: &config, &reader)
    }
}
