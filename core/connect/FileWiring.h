#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace gatehouse {

// What Connect writes into a tool's files.
struct WiringSettings
{
    QString gatewayRoot; // http://127.0.0.1:4777, no trailing slash and no /v1
    QString key;         // the tool's own access key
    QString model;       // provider:model or a route
    QString smallModel;  // the model for quick side tasks; the main model when not chosen

    QString openAiBaseUrl() const { return gatewayRoot + QStringLiteral("/v1"); }
};

// What one file says about its wiring to a Gatehouse. A file that holds only part of a
// tool's settings fills in what it knows.
struct WiredValues
{
    bool wired = false; // the file carries the Gatehouse settings Connect writes
    QString url;        // the gateway address as the file gives it
    QString key;        // the access key the file holds
    QString model;
    QString smallModel;
};

// Where the files of the tools are: the home folder and the environment that moves them,
// replaceable so that tests use a temporary folder.
struct ToolEnvironment
{
    QString home;          // the home folder
    QString xdgConfigHome; // $XDG_CONFIG_HOME; empty when not set
    QString path;          // $PATH

    static ToolEnvironment system();
    // $XDG_CONFIG_HOME if set, else ~/.config.
    QString configHome() const;
};

// One file of one tool, and how Connect edits it. The edits are merges: everything in the
// file that Connect does not own stays. An implementation never writes anything; the
// connector reads, backs up and writes the file.
class FileWiring
{
public:
    virtual ~FileWiring() = default;

    // The file's absolute path.
    virtual QString path(const ToolEnvironment &environment) const = 0;
    // The file with the Gatehouse settings merged in. `current` is empty when the file does
    // not exist. A file that cannot be parsed gives an error saying why (without the path:
    // the connector adds it), and is never written.
    virtual Result<QByteArray> merge(const std::optional<QByteArray> &current,
                                     const WiringSettings &settings) const = 0;
    // The file without what merge() added. Settings that `original` (the file before the
    // first Connect; empty when there was none) had are put back as they were there.
    virtual Result<QByteArray> unmerge(const QByteArray &current,
                                       const std::optional<QByteArray> &original) const = 0;
    // What the file says about the wiring.
    virtual Result<WiredValues> read(const QByteArray &content) const = 0;
};

using FileWirings = QList<std::shared_ptr<const FileWiring>>;

// The wirings of the tools, one function each (ClaudeCodeWiring.cpp, …). To add a tool:
// write its FileWiring classes in core/connect/<Tool>Wiring.cpp, declare its function here,
// and name the function in its row of the table in ToolCatalog.cpp.
FileWirings claudeCodeWiring();
FileWirings codexWiring();
FileWirings opencodeWiring();
FileWirings geminiCliWiring();
FileWirings qwenCodeWiring();
FileWirings continueWiring();

} // namespace gatehouse
