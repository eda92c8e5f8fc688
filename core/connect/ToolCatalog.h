#pragma once

#include "FileWiring.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

// A coding tool Gatehouse can connect: the table row that names it, where it lives and
// how its files are wired.
struct ToolInfo
{
    QString id;                 // claude-code, codex, opencode, gemini-cli, qwen-code, continue
    QString displayName;        // Claude Code, …
    QStringList executables;    // names looked for on PATH
    QString configFolder;       // relative to the home folder; "$XDG_CONFIG_HOME/…" for XDG
    bool hasSmallModel = false; // the tool has a second, small/fast model slot
    FileWirings (*wiring)() = nullptr; // null while Connect cannot wire the tool yet

    // The config folder's absolute path.
    QString configFolderPath(const ToolEnvironment &environment) const;
    // The name of the access key Connect creates for the tool: its id.
    QString keyName() const { return id; }
};

// The six tools, in the order they are shown.
const QList<ToolInfo> &toolCatalog();
const ToolInfo *findTool(const QString &id);

} // namespace gatehouse
