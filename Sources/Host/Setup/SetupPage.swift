import Foundation
import JSONCore

/// The page behind a setup link: loads the Connect SDK, authenticates as the user and opens the
/// Connect Portal for the integration; on success it tells the server (`POST setup/complete`
/// with the setup token). Data reaches the page's script as escaped JSON, never as code.
struct SetupPage {
    /// The key the Connect SDK knows it by (`googleCalendar`).
    var integration: String
    /// What the user reads (`Google Calendar`).
    var displayName: String
    var projectID: String
    /// A fresh, short-lived user token for the SDK.
    var loginToken: String
    /// The setup token, the page's proof when it reports success.
    var setupToken: String
    var sdkURL: String

    var html: String {
        let data = JSONValue.object([
            "projectId": .string(projectID), "loginToken": .string(loginToken),
            "integration": .string(integration), "displayName": .string(displayName),
            "setupToken": .string(setupToken),
        ])
        let name = HTMLEscaping.text(displayName)
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>Connect \(name)</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="setup/setup.css">
            </head>
            <body data-state="opening">
            <main>
            <h1>Connect <span id="setup-integration">\(name)</span></h1>
            <p id="setup-status" role="status" aria-live="polite">Opening the connect window…</p>
            <button id="setup-retry" type="button" hidden>Try again</button>
            </main>
            <script type="application/json" id="setup-data">\(HTMLEscaping.scriptJSON(String(decoding: data.encoded(), as: UTF8.self)))</script>
            <script src="\(HTMLEscaping.text(sdkURL))"></script>
            <script src="setup/setup.js"></script>
            </body>
            </html>

            """
    }

    /// Only what the page needs: its own script and style, and Paragon: the origins of every
    /// configured Paragon URL (the SDK's, Zeus's, ActionKit's, the Proxy API's; an on-premises
    /// Paragon serves its portal beside them), Paragon's hosts for its hosted SDK, and
    /// `setup.csp_extra_sources`. No inline script, no framing.
    static func contentSecurityPolicy(paragon: ParagonSettings, extraSources: [String] = []) -> String {
        var sources: [String] = []
        func add(_ source: String) {
            if !sources.contains(source) { sources.append(source) }
        }
        for text in [paragon.connectSDKURL, paragon.zeusURL, paragon.actionKitURL, paragon.proxyURL] {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased()
            else { continue }
            add("\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? ""))
            if host == "useparagon.com" || host.hasSuffix(".useparagon.com") { add("https://*.useparagon.com") }
        }
        extraSources.forEach(add)
        let remote = sources.joined(separator: " ")
        return [
            "default-src 'none'", "script-src 'self' \(remote)", "connect-src 'self' \(remote)",
            "frame-src \(remote)", "img-src 'self' data: \(remote)", "style-src 'self' 'unsafe-inline' \(remote)",
            "font-src \(remote)", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// Whether `text` is a host source a policy may list: `scheme://host[:port][/path]`, the
    /// host possibly `*.`-prefixed (CSP Level 3, host-source), nothing that would end the
    /// directive or add another.
    static func isCSPSource(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || ";,'\"".contains($0) }),
            let separator = text.range(of: "://")
        else { return false }
        let scheme = text[..<separator.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
            return false
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        var host = authority.prefix { $0 != ":" }
        if host.hasPrefix("*.") { host = host.dropFirst(2) }
        let port = authority.dropFirst(host.count + (authority.hasPrefix("*.") ? 2 : 0))
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            return false
        }
        return port.isEmpty || port == ":*" || (port.count > 1 && port.dropFirst().allSatisfy(\.isNumber))
    }

    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("setup-data").textContent);
          var status = document.getElementById("setup-status");
          var retry = document.getElementById("setup-retry");
          function show(state, text) {
            document.body.setAttribute("data-state", state);
            status.textContent = text;
          }
          function report() {
            return fetch("setup/complete", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ token: data.setupToken }),
              credentials: "omit"
            }).then(function (response) {
              if (!response.ok) { throw new Error("HTTP " + response.status); }
            });
          }
          function failed(what, error) {
            show("failed", what + ": " + ((error && error.message) || error || "unknown error"));
            retry.hidden = false;
          }
          function open() {
            retry.hidden = true;
            if (!window.paragon) {
              failed("The Paragon Connect SDK did not load", "check your connection and reload this page");
              return;
            }
            show("opening", "Opening the connect window…");
            Promise.resolve(window.paragon.authenticate(data.projectId, data.loginToken)).then(function () {
              return window.paragon.connect(data.integration, {
                onSuccess: function () {
                  show("reporting", "Connected. Updating your assistant's tools…");
                  report().then(function () {
                    show("connected", data.displayName + " is connected. You can close this tab and go back to your assistant.");
                  }, function () {
                    show("connected", data.displayName + " is connected. Ask your assistant to try again.");
                  });
                },
                onError: function (error) { failed("Connecting failed", error); }
              });
            }).catch(function (error) { failed("Could not open the connect window", error); });
          }
          retry.addEventListener("click", open);
          open();
        })();

        """#

    static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f7; }
        main { max-width: 32rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; }
        h1 { font-size: 1.4rem; margin-top: 0; }
        button { font: inherit; padding: .5rem 1rem; }

        """
}
