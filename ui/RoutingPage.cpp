#include "RoutingPage.h"

#include "Confirm.h"
#include "config/ConfigEditor.h"
#include "gateway/GatewayRuntime.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

enum CandidateColumn
{
    ModelColumn,
    WeightColumn
};

} // namespace

RoutingPage::RoutingPage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_scope(new QComboBox(this)),
      m_routes(new QListWidget(this)), m_name(new QLineEdit(this)), m_strategy(new QComboBox(this)),
      m_candidates(new QTreeWidget(this)), m_candidate(new QComboBox(this)),
      m_add(new QPushButton(tr("&Add"), this)), m_remove(new QPushButton(tr("Re&move"), this)),
      m_up(new QPushButton(tr("&Up"), this)), m_down(new QPushButton(tr("Do&wn"), this)),
      m_retries(new QSpinBox(this)), m_deadline(new QSpinBox(this)),
      m_save(new QPushButton(tr("&Save route"), this)),
      m_delete(new QPushButton(tr("&Delete route…"), this)),
      m_new(new QPushButton(tr("&New route"), this)), m_message(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A route gives a name to an ordered list of models. Tools ask for "
                                "the name; Gatehouse tries the candidates in turn when one fails "
                                "(no connection, timeout, 429, 5xx), before any of the answer "
                                "has been sent."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *split = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_scope->setObjectName(QStringLiteral("routeScope"));
    m_scope->setAccessibleName(tr("Whose routes"));
    m_scope->setToolTip(tr("A key configuration's own routes come before the routes for all "
                           "keys, for the keys that use it."));
    left->addWidget(m_scope);
    m_routes->setObjectName(QStringLiteral("routeList"));
    m_routes->setAccessibleName(tr("Routes"));
    m_routes->setWordWrap(true);
    m_routes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left->addWidget(m_routes, 1);
    m_new->setObjectName(QStringLiteral("newRoute"));
    left->addWidget(m_new);
    split->addLayout(left, 1);

    auto *editor = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("routeName"));
    m_name->setAccessibleName(tr("Route name"));
    m_name->setPlaceholderText(tr("fast, coder, or a model such as openai:gpt-4o"));
    form->addRow(tr("&Name:"), m_name);
    m_strategy->setObjectName(QStringLiteral("routeStrategy"));
    m_strategy->setAccessibleName(tr("Strategy"));
    m_strategy->addItem(tr("In order: the first, then the next on failure"),
                        routeStrategyName(RouteStrategy::InOrder));
    m_strategy->addItem(tr("Round robin: each request starts one further"),
                        routeStrategyName(RouteStrategy::RoundRobin));
    m_strategy->addItem(tr("Weighted: the first drawn by weight"),
                        routeStrategyName(RouteStrategy::Weighted));
    m_strategy->addItem(tr("Lowest latency: the fastest recently first"),
                        routeStrategyName(RouteStrategy::LowestLatency));
    form->addRow(tr("S&trategy:"), m_strategy);
    editor->addLayout(form);

    auto *candidatesLabel = new QLabel(tr("&Candidates, in order (drag to reorder):"), this);
    candidatesLabel->setBuddy(m_candidates);
    editor->addWidget(candidatesLabel);
    m_candidates->setObjectName(QStringLiteral("routeCandidates"));
    m_candidates->setAccessibleName(tr("Candidates"));
    m_candidates->setHeaderLabels({tr("Model"), tr("Weight")});
    m_candidates->setRootIsDecorated(false);
    m_candidates->setDragDropMode(QAbstractItemView::InternalMove);
    m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_candidates->header()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    m_candidates->header()->setStretchLastSection(false);
    auto *candidateRow = new QHBoxLayout;
    candidateRow->addWidget(m_candidates, 1);
    auto *moveButtons = new QVBoxLayout;
    for (QPushButton *b : {m_up, m_down, m_remove})
        moveButtons->addWidget(b);
    moveButtons->addStretch();
    candidateRow->addLayout(moveButtons);
    editor->addLayout(candidateRow, 1);

    auto *addRow = new QHBoxLayout;
    m_candidate->setObjectName(QStringLiteral("candidatePicker"));
    m_candidate->setAccessibleName(tr("Model to add"));
    m_candidate->setEditable(true);
    m_candidate->setInsertPolicy(QComboBox::NoInsert);
    m_candidate->lineEdit()->setPlaceholderText(tr("provider:model"));
    m_candidate->completer()->setFilterMode(Qt::MatchContains);
    m_candidate->completer()->setCompletionMode(QCompleter::PopupCompletion);
    addRow->addWidget(m_candidate, 1);
    m_add->setObjectName(QStringLiteral("addCandidate"));
    addRow->addWidget(m_add);
    editor->addLayout(addRow);

    auto *limits = new QFormLayout;
    m_retries->setObjectName(QStringLiteral("routeRetries"));
    m_retries->setRange(0, 5);
    m_retries->setAccessibleName(tr("Retries"));
    m_retries->setToolTip(tr("Extra tries of the same candidate (after its retry-after, or a short "
                             "backoff) before moving on."));
    limits->addRow(tr("&Retries per candidate:"), m_retries);
    m_deadline->setObjectName(QStringLiteral("routeDeadline"));
    m_deadline->setRange(1, 600);
    m_deadline->setSuffix(tr(" s"));
    m_deadline->setAccessibleName(tr("Deadline"));
    m_deadline->setToolTip(tr("Time for all attempts together, until the first byte arrives."));
    limits->addRow(tr("Dead&line:"), m_deadline);
    editor->addLayout(limits);

    auto *actions = new QHBoxLayout;
    m_save->setObjectName(QStringLiteral("saveRoute"));
    m_delete->setObjectName(QStringLiteral("deleteRoute"));
    actions->addWidget(m_delete);
    actions->addStretch();
    actions->addWidget(m_save);
    editor->addLayout(actions);
    m_message->setObjectName(QStringLiteral("routeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    editor->addWidget(m_message);
    split->addLayout(editor, 2);
    layout->addLayout(split, 1);

    connect(m_routes, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const QString name = m_routes->item(row)->data(Qt::UserRole).toString();
        if (auto c = m_runtime->store().load()) {
            const QList<RouteRule> *routes = c->routesOf(scope());
            if (const RouteRule *r = routes ? findRouteIn(*routes, name) : nullptr) {
                m_editing = name;
                showRule(*r);
            }
        }
    });
    connect(m_scope, &QComboBox::activated, this, [this] {
        m_editing.clear();
        refresh();
    });
    connect(m_new, &QPushButton::clicked, this, &RoutingPage::newRoute);
    connect(m_add, &QPushButton::clicked, this, &RoutingPage::addCandidate);
    connect(m_candidate->lineEdit(), &QLineEdit::returnPressed, this, &RoutingPage::addCandidate);
    connect(m_remove, &QPushButton::clicked, this, &RoutingPage::removeCandidate);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCandidate(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCandidate(1); });
    connect(m_save, &QPushButton::clicked, this, &RoutingPage::save);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteRoute(false); });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &RoutingPage::updateWeights);
    connect(runtime, &GatewayRuntime::configReloaded, this, &RoutingPage::fillModelChoices);
    refresh();
}

void RoutingPage::refresh()
{
    const QString keep = m_editing;
    m_routes->clear();
    auto config = m_runtime->store().load();
    if (!config) {
        m_message->setText(config.error());
        return;
    }
    const QString keepScope = scope();
    m_scope->clear();
    m_scope->addItem(tr("Routes for all keys"), QString());
    for (const KeyConfiguration &k : config->keyConfigurations)
        m_scope->addItem(tr("Routes of key configuration \"%1\"").arg(k.name), k.name);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(keepScope)));
    const QList<RouteRule> *routes = config->routesOf(scope());
    for (const RouteRule &r : routes ? *routes : QList<RouteRule>{}) {
        QStringList chain;
        for (const RouteCandidate &c : r.candidates)
            chain << c.model;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n%2").arg(r.name, chain.join(QStringLiteral(" → "))), m_routes);
        item->setData(Qt::UserRole, r.name);
        item->setToolTip(chain.join(QLatin1Char('\n')));
    }
    fillModelChoices();
    for (int i = 0; i < m_routes->count(); ++i) {
        if (m_routes->item(i)->data(Qt::UserRole).toString() == keep) {
            m_routes->setCurrentRow(i);
            return;
        }
    }
    if (m_routes->count() > 0)
        m_routes->setCurrentRow(0);
    else
        newRoute();
}

QString RoutingPage::scope() const
{
    return m_scope->currentData().toString();
}

void RoutingPage::fillModelChoices()
{
    // Every provider:model the config names, and the catalog's for catalog providers.
    const CatalogPtr catalog = m_runtime->catalog();
    const QStringList models = (catalog ? *catalog : Catalog::builtIn())
                                   .modelChoices(m_runtime->config(), /*withRoutes=*/false);
    const QString typed = m_candidate->currentText();
    m_candidate->clear();
    m_candidate->addItems(models);
    m_candidate->setEditText(typed);
}

void RoutingPage::newRoute()
{
    m_editing.clear();
    m_routes->clearSelection();
    RouteRule blank;
    showRule(blank);
    m_name->setFocus();
}

void RoutingPage::showRule(const RouteRule &rule)
{
    m_name->setText(rule.name);
    m_strategy->setCurrentIndex(m_strategy->findData(routeStrategyName(rule.strategy)));
    m_candidates->clear();
    for (const RouteCandidate &c : rule.candidates) {
        auto *item = new QTreeWidgetItem(m_candidates, {c.model, QString::number(c.weight)});
        item->setFlags((item->flags() | Qt::ItemIsEditable | Qt::ItemIsDragEnabled) &
                       ~Qt::ItemIsDropEnabled);
    }
    m_retries->setValue(rule.retries);
    m_deadline->setValue(rule.deadlineMs / 1000);
    m_delete->setEnabled(!m_editing.isEmpty());
    m_message->clear();
    updateWeights();
}

void RoutingPage::updateWeights()
{
    const bool weighted =
        m_strategy->currentData().toString() == routeStrategyName(RouteStrategy::Weighted);
    m_candidates->setColumnHidden(WeightColumn, !weighted);
}

void RoutingPage::addCandidate()
{
    const QString model = m_candidate->currentText().trimmed();
    if (model.isEmpty())
        return;
    for (int i = 0; i < m_candidates->topLevelItemCount(); ++i) {
        if (m_candidates->topLevelItem(i)->text(ModelColumn) == model) {
            m_message->setText(tr("%1 is a candidate already.").arg(model));
            return;
        }
    }
    auto *item = new QTreeWidgetItem(m_candidates, {model, QStringLiteral("1")});
    item->setFlags((item->flags() | Qt::ItemIsEditable | Qt::ItemIsDragEnabled) &
                   ~Qt::ItemIsDropEnabled);
    m_candidates->setCurrentItem(item);
    m_candidate->setEditText(QString());
    m_message->clear();
}

void RoutingPage::removeCandidate()
{
    delete m_candidates->currentItem();
}

void RoutingPage::moveCandidate(int delta)
{
    QTreeWidgetItem *item = m_candidates->currentItem();
    if (!item)
        return;
    const int from = m_candidates->indexOfTopLevelItem(item);
    const int to = from + delta;
    if (to < 0 || to >= m_candidates->topLevelItemCount())
        return;
    m_candidates->takeTopLevelItem(from);
    m_candidates->insertTopLevelItem(to, item);
    m_candidates->setCurrentItem(item);
}

Result<RouteRule> RoutingPage::editedRule() const
{
    RouteRule r;
    r.name = m_name->text().trimmed();
    r.strategy = parseRouteStrategy(m_strategy->currentData().toString()).value();
    for (int i = 0; i < m_candidates->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_candidates->topLevelItem(i);
        bool ok = false;
        const int weight = item->text(WeightColumn).toInt(&ok);
        r.candidates.append({item->text(ModelColumn).trimmed(), ok ? weight : 0});
    }
    r.retries = m_retries->value();
    r.deadlineMs = m_deadline->value() * 1000;
    if (auto s = r.validate(); !s)
        return Result<RouteRule>::failure(s.error());
    return r;
}

bool RoutingPage::save()
{
    auto rule = editedRule();
    if (!rule) {
        m_message->setText(rule.error());
        return false;
    }
    const QString previous = m_editing;
    const Status s = m_runtime->store().update([&](Config &c) {
        const auto put = ConfigEditor::putRoute(c, scope(), previous, rule.value());
        return put ? Status{} : Status::failure(put.error());
    });
    if (!s) {
        m_message->setText(s.error());
        return false;
    }
    m_editing = rule->name;
    m_message->setText(tr("Saved. Tools can ask for the model \"%1\" now.").arg(rule->name));
    const QString note = m_message->text();
    refresh();
    m_message->setText(note);
    emit routesChanged();
    return true;
}

void RoutingPage::deleteRoute(bool confirmed)
{
    if (m_editing.isEmpty())
        return;
    if (!confirmed) {
        askToConfirm(
            this, QStringLiteral("confirmDeleteRoute"), QMessageBox::Question, tr("Delete route"),
            tr("Delete the route \"%1\"? Tools that ask for it will get an error.").arg(m_editing),
            tr("Delete"), [this] { deleteRoute(true); });
        return;
    }
    const QString name = m_editing;
    const QString from = scope();
    const Status s = m_runtime->store().update([&name, &from](Config &c) {
        if (QList<RouteRule> *routes = c.routesOf(from))
            routes->removeIf([&name](const RouteRule &r) { return r.name == name; });
        return Status{};
    });
    if (!s) {
        m_message->setText(s.error());
        return;
    }
    m_editing.clear();
    refresh();
    emit routesChanged();
}

} // namespace gatehouse
