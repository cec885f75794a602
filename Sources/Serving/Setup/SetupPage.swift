import Foundation
import JSONCore

/// The page behind a setup link: loads the Connect SDK, authenticates as the user and opens the
/// Connect Portal for the integration; on success it tells the server (`POST setup/complete`
/// with the setup token). Data reaches the page's script as escaped JSON, never as code.
package struct SetupPage {
    /// The key the Connect SDK knows it by (`googleCalendar`).
    package var integration: String
    /// What the user reads (`Google Calendar`).
    package var displayName: String
    package var projectID: String
    /// A fresh, short-lived user token for the SDK.
    package var loginToken: String
    /// The setup token, the page's proof when it reports success.
    package var setupToken: String
    package var sdkURL: String

    package var html: String {
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

    package static let script = #"""
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

    package static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f7; }
        main { max-width: 32rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; }
        h1 { font-size: 1.4rem; margin-top: 0; }
        button { font: inherit; padding: .5rem 1rem; }

        """
}
