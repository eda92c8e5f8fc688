#pragma once

#include <QString>
#include <initializer_list>

namespace gatehouse {

// The translation of `text` from the first of `contexts` that has one, else `text`.
// lupdate files a tr() call by where it stands: in a free function of namespace gatehouse
// under "gatehouse", in a member of a class without Q_OBJECT under "gatehouse::Class". Code
// outside a QObject that shares one tr() helper looks in each of those contexts.
QString translateFrom(std::initializer_list<const char *> contexts, const char *text);

// The tr() of import and export (core/migrate) and of gatehouse connect (core/connect),
// whose texts the window shows.
QString translateMigration(const char *text);
QString translateConnect(const char *text);

} // namespace gatehouse
