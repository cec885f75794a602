# paragon-mcp image: build with the Swift toolchain, run on the slim Swift runtime image.
#   docker build -t paragon-mcp .
#   docker run -p 3001:3001 -e PROJECT_ID=... -e SIGNING_KEY="$(cat key.pem)" paragon-mcp
# Mount your own config.yaml at /app/config.yaml and OpenAPI specs at /app/openapi.

FROM swift:6.3-noble AS build
# SQLite's headers (with FTS5) for GRDB, which the tool search is built on.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first: this layer is reused until Package.swift or Package.resolved changes.
COPY Package.* ./
RUN swift package resolve
COPY Sources ./Sources
COPY Plugins ./Plugins
COPY scripts ./scripts
COPY bench/UpstreamClient ./bench/UpstreamClient
COPY bench/ToolSearchEval ./bench/ToolSearchEval
COPY config.yaml ./
# SwiftPM wants a folder for each test target of Package.swift; the tests stay out of the image,
# and an empty folder makes SwiftPM skip its target (with a warning).
RUN mkdir -p Tests/HostTests Tests/HostUnitTests Tests/JSONSchemaTests Tests/JSONCoreTests Tests/YAMLJSONTests \
    Tests/ActionKitCoreTests Tests/OpenAPICustomCoreTests Tests/ProxyAPICoreTests Tests/ToolSearchTests
RUN bash scripts/stage.sh release /staging

# The slim image carries the Swift runtime libraries (Foundation included), which the
# executable and the providers find through their run path /usr/lib/swift/linux.
FROM swift:6.3-noble-slim
# curl for the health check; CA certificates for TLS to Paragon; SQLite for the tool search.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl libsqlite3-0 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /app \
    --shell /usr/sbin/nologin paragon
WORKDIR /app
COPY --from=build /staging/ /app/
# Production needs PROJECT_ID and SIGNING_KEY (or SIGNING_KEY_PATH). HOST stays 0.0.0.0 even
# when NODE_ENV=development is passed (for the sandbox), so the port mapping still reaches it.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3001
EXPOSE 3001
USER paragon
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" >/dev/null || exit 1
ENTRYPOINT ["/app/paragon-mcp"]
CMD ["serve"]
