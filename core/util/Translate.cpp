#include "Translate.h"

#include <QCoreApplication>

namespace gatehouse {

QString translateFrom(std::initializer_list<const char *> contexts, const char *text)
{
    const QString source = QString::fromUtf8(text);
    for (const char *context : contexts) {
        QString translated = QCoreApplication::translate(context, text);
        if (translated != source)
            return translated;
    }
    return source;
}

QString translateMigration(const char *text)
{
    return translateFrom({"gatehouse", "gatehouse::Importer", "gatehouse::Exporter",
                          "gatehouse::MigrationPlan", "gatehouse::PlanBuilder"},
                         text);
}

QString translateConnect(const char *text)
{
    return translateFrom({"gatehouse", "gatehouse::CodexConfigWiring",
                          "gatehouse::ContinueConfigWiring", "gatehouse::QwenSettingsWiring",
                          "gatehouse::ToolConnector", "gatehouse::wiring"},
                         text);
}

} // namespace gatehouse
