#pragma once

#include "MigrationPlan.h"

namespace gatehouse {

// The files of other gateways and tools that Gatehouse reads its providers, models and
// routes from.
enum class ImportFormat
{
    LiteLlm,          // LiteLLM proxy config.yaml
    ClaudeCodeRouter, // claude-code-router config.json
    Continue          // Continue config.yaml
};

// Turns another tool's configuration into a MigrationPlan; changes nothing itself.
class Importer
{
public:
    // "litellm", "claude-code-router", "continue".
    static Result<ImportFormat> parseFormat(const QString &name);
    static QString formatName(ImportFormat format);
    static QString formatTitle(ImportFormat format); // "LiteLLM config.yaml"
    static QList<ImportFormat> formats();

    // Reads `content` (the file's bytes) against the config it will be added to, so that ids
    // and route names come out unique. Fails only when the file cannot be read at all;
    // anything that does not map is listed in the plan.
    static Result<MigrationPlan> read(ImportFormat format, const QByteArray &content,
                                      const Config &existing, const EnvironmentLookup &environment);
};

} // namespace gatehouse
