#include "ToolCatalog.h"

#include <QDir>

namespace gatehouse {

namespace {

const QString xdgPrefix = QStringLiteral("$XDG_CONFIG_HOME/");

} // namespace

ToolEnvironment ToolEnvironment::system()
{
    return {QDir::homePath(), qEnvironmentVariable("XDG_CONFIG_HOME"),
            qEnvironmentVariable("PATH")};
}

QString ToolEnvironment::configHome() const
{
    return xdgConfigHome.isEmpty() ? home + QStringLiteral("/.config") : xdgConfigHome;
}

QString ToolInfo::configFolderPath(const ToolEnvironment &environment) const
{
    if (configFolder.startsWith(xdgPrefix))
        return environment.configHome() + QLatin1Char('/') + configFolder.mid(xdgPrefix.size());
    return environment.home + QLatin1Char('/') + configFolder;
}

const QList<ToolInfo> &toolCatalog()
{
    // One row a tool; `wiring` is null until Connect can write the tool's files.
    static const QList<ToolInfo> tools{
        {QStringLiteral("claude-code"),
         QStringLiteral("Claude Code"),
         {QStringLiteral("claude")},
         QStringLiteral(".claude"),
         true,
         claudeCodeWiring},
        {QStringLiteral("codex"),
         QStringLiteral("Codex CLI"),
         {QStringLiteral("codex")},
         QStringLiteral(".codex"),
         false,
         codexWiring},
        {QStringLiteral("opencode"),
         QStringLiteral("opencode"),
         {QStringLiteral("opencode")},
         QStringLiteral("$XDG_CONFIG_HOME/opencode"),
         true,
         opencodeWiring},
        {QStringLiteral("gemini-cli"),
         QStringLiteral("Gemini CLI"),
         {QStringLiteral("gemini")},
         QStringLiteral(".gemini"),
         false,
         geminiCliWiring},
        {QStringLiteral("qwen-code"),
         QStringLiteral("Qwen Code"),
         {QStringLiteral("qwen")},
         QStringLiteral(".qwen"),
         false,
         qwenCodeWiring},
        {QStringLiteral("continue"),
         QStringLiteral("Continue"),
         {QStringLiteral("cn")},
         QStringLiteral(".continue"),
         false,
         continueWiring},
    };
    return tools;
}

const ToolInfo *findTool(const QString &id)
{
    for (const ToolInfo &t : toolCatalog()) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

} // namespace gatehouse
