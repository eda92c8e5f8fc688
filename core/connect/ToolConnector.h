#pragma once

#include "ToolCatalog.h"
#include "config/ConfigStore.h"

#include <QString>
#include <QStringList>

namespace gatehouse {

// Where a tool stands.
struct ToolStatus
{
    QString id;
    QString displayName;
    bool installed = false; // an executable on PATH, or its config folder exists
    bool supported = false; // Connect can wire this tool
    // The tool's files carry Gatehouse settings (whichever Gatehouse wrote them).
    bool wired = false;
    // Wired by this Gatehouse's Connect, and its access key is active.
    bool connected = false;
    QString url; // the gateway address the files name
    QString model;
    QString smallModel;
    QStringList files; // the files Connect edits, absolute paths
    // Why the files could not be read, naming the file: "~/.codex/config.toml: line 3: …".
    // Empty when all is well.
    QString problem;
};

// What to connect a tool to.
struct ConnectRequest
{
    QString model;      // provider:model or a route; required
    QString smallModel; // empty: the main model
    QString url;        // the gateway root; empty: from the configuration
};

// Connects coding tools to this Gatehouse by merging settings into their own config files,
// and disconnects them again. Used by the command line (gatehouse connect) and the window.
//
// Connect creates an access key named after the tool (replacing one from an earlier
// Connect), writes it only into the tool's files (atomically, owner-only), and keeps a
// backup of each file before its first change under <config dir>/connect/<tool>/, with a
// record of what was written. Disconnect puts back the file as it was when nothing changed
// it since, else removes only what Connect added, and revokes the key. A file that cannot be
// parsed is never written.
class ToolConnector
{
public:
    explicit ToolConnector(ConfigStore store,
                           ToolEnvironment environment = ToolEnvironment::system(),
                           RandomSource random = systemRandomBytes, WallClock clock = systemNow);

    ToolStatus status(const QString &toolId) const;
    QList<ToolStatus> statusAll() const;

    // Gives the tool's status afterwards.
    Result<ToolStatus> connect(const QString &toolId, const ConnectRequest &request);
    Status disconnect(const QString &toolId);

    // The address tools reach the gateway at, from the configuration: http://HOST:PORT.
    static QString defaultGatewayUrl(const Config &config);
    // Whether `model` names a configured provider (provider:model) or route.
    static Status checkModel(const Config &config, const QString &model);
    // A model to offer when none is chosen: the first route, else the first model listed
    // by a provider; empty when there is none.
    static QString suggestedModel(const Config &config);

    // Where backups and records of a tool are kept.
    QString stateFolder(const QString &toolId) const;

private:
    // A path under the home folder as ~/…, for messages.
    QString displayPath(const QString &path) const;

    ConfigStore m_store;
    ToolEnvironment m_environment;
    RandomSource m_random;
    WallClock m_clock;
};

} // namespace gatehouse
