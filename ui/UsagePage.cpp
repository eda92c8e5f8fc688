#include "UsagePage.h"

#include "catalog/Catalog.h"
#include "config/ConfigStore.h"
#include "gateway/GatewayRuntime.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace gatehouse {

namespace {

constexpr qint64 hourMs = 3600000;
constexpr qint64 dayMs = 24 * hourMs;
constexpr int maxStacked = 8; // more groups than this are summed as "Other"

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setMinimumHeight(160);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString money(double usd)
{
    return QStringLiteral("%1").arg(usd, 0, 'f', usd < 1 ? 4 : 2);
}

} // namespace

UsagePage::UsagePage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_range(new QComboBox(this)),
      m_bucket(new QComboBox(this)), m_metric(new QComboBox(this)), m_stack(new QComboBox(this)),
      m_cloudModel(new QComboBox(this)), m_message(new QLabel(this)), m_usageChart(new QChart),
      m_ttfbChart(new QChart), m_usageView(new QChartView(m_usageChart, this)),
      m_ttfbView(new QChartView(m_ttfbChart, this)),
      m_usageTable(makeTable(QStringLiteral("usageTable"),
                             {tr("Time"), tr("Group"), tr("Requests"), tr("Errors"),
                              tr("Input tokens"), tr("Output tokens"), tr("Cost (USD)")},
                             this)),
      m_ttfbTable(makeTable(QStringLiteral("ttfbTable"),
                            {tr("Provider"), tr("Requests"), tr("Errors"),
                             tr("First byte p50 (ms)"), tr("First byte p95 (ms)")},
                            this)),
      m_localTable(makeTable(QStringLiteral("localTable"),
                             {tr("Local model"), tr("Input tokens"), tr("Output tokens"),
                              tr("At the cloud price (USD)")},
                             this)),
      m_saved(new QLabel(this))
{
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    m_range->setObjectName(QStringLiteral("usageRange"));
    m_range->addItem(tr("Last 24 hours"), int(Range::Day));
    m_range->addItem(tr("Last 7 days"), int(Range::Week));
    m_range->addItem(tr("Last 30 days"), int(Range::Month));
    m_bucket->setObjectName(QStringLiteral("usageBucket"));
    m_bucket->addItem(tr("By hour"), int(UsageBucket::Hour));
    m_bucket->addItem(tr("By day"), int(UsageBucket::Day));
    m_metric->setObjectName(QStringLiteral("usageMetric"));
    m_metric->addItem(tr("Requests"), int(Metric::Requests));
    m_metric->addItem(tr("Errors"), int(Metric::Errors));
    m_metric->addItem(tr("Tokens"), int(Metric::Tokens));
    m_metric->addItem(tr("Cost (USD)"), int(Metric::Cost));
    m_stack->setObjectName(QStringLiteral("usageStack"));
    m_stack->addItem(tr("Stacked by provider"), int(UsageGroup::Provider));
    m_stack->addItem(tr("Stacked by model"), int(UsageGroup::Model));
    m_stack->addItem(tr("Stacked by key"), int(UsageGroup::Key));
    m_range->setAccessibleName(tr("Time range"));
    m_bucket->setAccessibleName(tr("Bucket"));
    m_metric->setAccessibleName(tr("Metric"));
    m_stack->setAccessibleName(tr("Stacking"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_range);
    controls->addWidget(m_bucket);
    controls->addWidget(m_metric);
    controls->addWidget(m_stack);
    controls->addStretch(1);
    auto *reload = new QPushButton(tr("&Refresh"), this);
    reload->setObjectName(QStringLiteral("usageRefresh"));
    controls->addWidget(reload);
    layout->addLayout(controls);
    m_message->setObjectName(QStringLiteral("usageMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto exportButton = [this](QTableWidget *table, const QString &name, const QString &file) {
        auto *b = new QPushButton(tr("Export CSV…"), this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, [this, table, file] { saveTable(table, file); });
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(b);
        return row;
    };

    for (QChartView *v : {m_usageView, m_ttfbView}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(300);
        v->chart()->legend()->setAlignment(Qt::AlignBottom);
        v->chart()->setBackgroundRoundness(0);
    }
    m_usageView->setObjectName(QStringLiteral("usageChart"));
    // Model names are long: beside the chart rather than squeezed under it.
    m_usageChart->legend()->setAlignment(Qt::AlignRight);
    m_ttfbView->setObjectName(QStringLiteral("ttfbChart"));
    layout->addWidget(m_usageView);
    layout->addWidget(m_usageTable);
    layout->addLayout(exportButton(m_usageTable, QStringLiteral("exportUsage"),
                                   QStringLiteral("gatehouse-usage.csv")));

    m_ttfbChart->setTitle(tr("Time to first byte per provider"));
    layout->addWidget(m_ttfbView);
    layout->addWidget(m_ttfbTable);
    layout->addLayout(exportButton(m_ttfbTable, QStringLiteral("exportTtfb"),
                                   QStringLiteral("gatehouse-first-byte.csv")));

    auto *localTitle = new QLabel(tr("<b>Local models</b>"), this);
    layout->addWidget(localTitle);
    auto *pick = new QHBoxLayout;
    auto *pickLabel = new QLabel(tr("Compare with the cloud &model:"), this);
    pickLabel->setBuddy(m_cloudModel);
    m_cloudModel->setObjectName(QStringLiteral("cloudModel"));
    m_cloudModel->setAccessibleName(tr("Cloud model to compare with"));
    for (const CatalogProvider &p : Catalog::builtIn().providers()) {
        for (const CatalogModel &m : p.models) {
            if (m.hasPrice())
                m_cloudModel->addItem(QStringLiteral("%1 — %2").arg(p.name, m.id),
                                      QStringList{p.id, m.id});
        }
    }
    pick->addWidget(pickLabel);
    pick->addWidget(m_cloudModel, 1);
    layout->addLayout(pick);
    m_saved->setObjectName(QStringLiteral("usageSaved"));
    m_saved->setWordWrap(true);
    layout->addWidget(m_saved);
    layout->addWidget(m_localTable);
    layout->addLayout(exportButton(m_localTable, QStringLiteral("exportLocal"),
                                   QStringLiteral("gatehouse-local-models.csv")));

    auto updateBuckets = [this] {
        // Hours over 30 days would be 720 bars: days only.
        const bool month = Range(m_range->currentData().toInt()) == Range::Month;
        auto *model = qobject_cast<QStandardItemModel *>(m_bucket->model());
        if (model)
            model->item(0)->setEnabled(!month);
        if (month)
            m_bucket->setCurrentIndex(1);
    };
    connect(m_range, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, updateBuckets] {
        updateBuckets();
        refresh();
    });
    for (QComboBox *b : {m_bucket, m_stack})
        connect(b, qOverload<int>(&QComboBox::currentIndexChanged), this, &UsagePage::refresh);
    connect(m_metric, qOverload<int>(&QComboBox::currentIndexChanged), this, &UsagePage::showUsage);
    connect(m_cloudModel, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &UsagePage::showLocal);
    connect(reload, &QPushButton::clicked, this, &UsagePage::refresh);
}

void UsagePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyTheme();
    refresh();
}

void UsagePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void UsagePage::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {m_usageChart, m_ttfbChart}) {
        const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (chart->theme() != theme)
            chart->setTheme(theme);
        chart->setBackgroundBrush(palette().brush(QPalette::Base));
        chart->setTitleBrush(palette().brush(QPalette::Text));
        chart->legend()->setLabelColor(palette().color(QPalette::Text));
    }
}

void UsagePage::refresh()
{
    const QString path =
        QDir(m_runtime->store().directory()).filePath(QStringLiteral("requests.sqlite"));
    const auto range = Range(m_range->currentData().toInt());
    const auto bucket = UsageBucket(m_bucket->currentData().toInt());
    const auto group = UsageGroup(m_stack->currentData().toInt());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 span = range == Range::Day ? dayMs : range == Range::Week ? 7 * dayMs : 30 * dayMs;
    const qint64 bucketMs = bucket == UsageBucket::Hour ? hourMs : dayMs;
    const int generation = ++m_generation;

    auto *watcher = new QFutureWatcher<Data>(this);
    connect(watcher, &QFutureWatcher<Data>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            showData(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([=] {
        Data d;
        d.untilMs = now;
        // Whole buckets: the first one starts at or before the range does.
        d.sinceMs = ((now - span) / bucketMs + 1) * bucketMs;
        d.bucketMs = bucketMs;
        RequestLogFilter filter;
        filter.sinceMs = d.sinceMs;
        if (!QFile::exists(path))
            return d;
        auto usage = RequestLogQuery::usage(path, filter, group, bucket);
        auto ttfb = RequestLogQuery::usage(path, filter, UsageGroup::Provider);
        auto perModel = RequestLogQuery::usage(path, filter, UsageGroup::Model);
        if (!usage || !ttfb || !perModel) {
            d.error = !usage ? usage.error() : !ttfb ? ttfb.error() : perModel.error();
            return d;
        }
        d.usage = usage.value();
        d.ttfb = ttfb.value();
        d.perModel = perModel.value();
        return d;
    }));
}

void UsagePage::showData(const Data &loaded)
{
    m_data = loaded;
    m_message->setVisible(!loaded.error.isEmpty());
    m_message->setText(tr("The request log could not be read: %1").arg(loaded.error));
    showUsage();
    showTtfb();
    showLocal();
    emit refreshed();
}

void UsagePage::showUsage()
{
    const auto metric = Metric(m_metric->currentData().toInt());
    auto value = [metric](const UsageRow &r) -> double {
        switch (metric) {
        case Metric::Requests:
            return double(r.requests);
        case Metric::Errors:
            return double(r.errors);
        case Metric::Tokens:
            return double(r.inputTokens + r.outputTokens);
        case Metric::Cost:
            return r.costUsd;
        }
        return 0;
    };

    // The groups with the most of the metric get a bar set of their own; the rest "Other".
    QHash<QString, double> totals;
    for (const UsageRow &r : m_data.usage)
        totals[r.group] += value(r);
    QStringList groups = totals.keys();
    std::sort(groups.begin(), groups.end(), [&](const QString &a, const QString &b) {
        return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
    });
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [&](const QString &g) { return totals.value(g) <= 0; }),
                 groups.end());
    const bool other = groups.size() > maxStacked;
    if (other)
        groups = groups.mid(0, maxStacked);

    const bool daily = m_data.bucketMs >= dayMs;
    QStringList categories;
    QList<qint64> starts;
    const QString hourFormat = m_data.untilMs - m_data.sinceMs > dayMs + hourMs
                                   ? QStringLiteral("ddd HH:mm")
                                   : QStringLiteral("HH:mm");
    for (qint64 t = m_data.sinceMs; m_data.bucketMs > 0 && t <= m_data.untilMs;
         t += m_data.bucketMs) {
        starts.append(t);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        categories.append(daily ? QLocale().toString(at.date(), QStringLiteral("MMM d"))
                                : QLocale().toString(at.toLocalTime(), hourFormat));
    }

    m_usageChart->removeAllSeries();
    for (QAbstractAxis *a : m_usageChart->axes()) {
        m_usageChart->removeAxis(a);
        delete a;
    }
    auto *series = new QStackedBarSeries;
    QHash<QString, QBarSet *> sets;
    for (const QString &g : groups) {
        auto *set = new QBarSet(g.isEmpty() ? tr("(none)") : g);
        set->append(QList<qreal>(starts.size(), 0));
        sets.insert(g, set);
        series->append(set);
    }
    QBarSet *otherSet = nullptr;
    if (other) {
        otherSet = new QBarSet(tr("Other"));
        otherSet->append(QList<qreal>(starts.size(), 0));
        series->append(otherSet);
    }
    double top = 0;
    QList<double> stacked(starts.size(), 0);
    for (const UsageRow &r : m_data.usage) {
        const int i = int((r.bucketStartMs - m_data.sinceMs) / qMax<qint64>(1, m_data.bucketMs));
        if (i < 0 || i >= starts.size())
            continue;
        QBarSet *set = sets.value(r.group, otherSet);
        if (!set)
            continue;
        set->replace(i, set->at(i) + value(r));
        stacked[i] += value(r);
        top = std::max(top, stacked.at(i));
    }
    m_usageChart->addSeries(series);
    // A label every few bars, where a label for each would not fit.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, double(categories.size()) - 0.5);
    x->setGridLineVisible(false);
    const int every = std::max(1, int(categories.size() + 7) / 8);
    for (int i = 0; i < categories.size(); i += every)
        x->append(categories.at(i), i);
    if (!daily)
        x->setTitleText(tr("hour starting (local time)"));
    m_usageChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->setLabelFormat(metric == Metric::Cost ? QStringLiteral("%.2f") : QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    m_usageChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    m_usageChart->setTitle(m_metric->currentText());

    m_usageTable->setRowCount(0);
    m_usageTable->setRowCount(int(m_data.usage.size()));
    int row = 0;
    for (const UsageRow &r : m_data.usage) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(r.bucketStartMs, Qt::UTC);
        setRow(m_usageTable, row++,
               {daily ? at.date().toString(Qt::ISODate)
                      : at.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                r.group, QString::number(r.requests), QString::number(r.errors),
                QString::number(r.inputTokens), QString::number(r.outputTokens), money(r.costUsd)});
    }
    m_usageTable->resizeColumnsToContents();
}

void UsagePage::showTtfb()
{
    m_ttfbChart->removeAllSeries();
    for (QAbstractAxis *a : m_ttfbChart->axes()) {
        m_ttfbChart->removeAxis(a);
        delete a;
    }
    auto *series = new QBarSeries;
    auto *p50 = new QBarSet(tr("p50"));
    auto *p95 = new QBarSet(tr("p95"));
    QStringList providers;
    qint64 top = 0;
    m_ttfbTable->setRowCount(0);
    for (const UsageRow &r : m_data.ttfb) {
        const int row = m_ttfbTable->rowCount();
        m_ttfbTable->insertRow(row);
        auto ms = [](qint64 v) { return v < 0 ? QString() : QString::number(v); };
        setRow(m_ttfbTable, row,
               {r.group, QString::number(r.requests), QString::number(r.errors), ms(r.ttfbP50Ms),
                ms(r.ttfbP95Ms)});
        if (r.ttfbP50Ms < 0)
            continue;
        providers.append(r.group);
        p50->append(qreal(r.ttfbP50Ms));
        p95->append(qreal(r.ttfbP95Ms));
        top = std::max(top, r.ttfbP95Ms);
    }
    m_ttfbTable->resizeColumnsToContents();
    series->append(p50);
    series->append(p95);
    m_ttfbChart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(providers);
    m_ttfbChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? double(top) * 1.1 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("milliseconds"));
    y->applyNiceNumbers();
    m_ttfbChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

bool UsagePage::isLocal(const QString &providerId) const
{
    const Provider *p = m_runtime->config().findProvider(providerId);
    if (!p)
        return false;
    const QString host = p->baseUrl.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        QHostAddress(host).isLoopback())
        return true;
    // Not a provider the catalog prices: a server of the user's own.
    const CatalogPtr catalog = m_runtime->catalog();
    return catalog && !catalog->providerFor(*p);
}

void UsagePage::showLocal()
{
    const QStringList pick = m_cloudModel->currentData().toStringList();
    const CatalogProvider *cloud =
        pick.size() == 2 ? Catalog::builtIn().provider(pick.at(0)) : nullptr;
    const CatalogModel *cloudModel = cloud ? cloud->model(pick.at(1)) : nullptr;

    qint64 all = 0;
    qint64 local = 0;
    m_savedUsd = 0;
    m_localTable->setRowCount(0);
    for (const UsageRow &r : m_data.perModel) {
        const qint64 tokens = r.inputTokens + r.outputTokens;
        all += tokens;
        const QString provider = r.group.section(QLatin1Char(':'), 0, 0);
        if (!isLocal(provider))
            continue;
        local += tokens;
        const double cost = cloudModel ? cloudModel->cost(r.inputTokens, r.outputTokens) : 0;
        m_savedUsd += cost;
        const int row = m_localTable->rowCount();
        m_localTable->insertRow(row);
        setRow(m_localTable, row,
               {r.group, QString::number(r.inputTokens), QString::number(r.outputTokens),
                money(cost)});
    }
    m_localTable->resizeColumnsToContents();
    m_localShare = all > 0 ? double(local) / double(all) : 0;
    if (all == 0) {
        m_saved->setText(tr("No tokens were used in this time range."));
        return;
    }
    m_saved->setText(
        tr("Local models answered %1 % of the tokens (%2 of %3). At the price of %4 they would "
           "have cost $%5.")
            .arg(QString::number(m_localShare * 100, 'f', 1), QLocale().toString(local),
                 QLocale().toString(all), m_cloudModel->currentText(), money(m_savedUsd)));
}

Status UsagePage::exportCsv(const QTableWidget *table, const QString &path)
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < table->columnCount(); ++c)
        header.append(csvField(table->horizontalHeaderItem(c)->text()));
    lines.append(header.join(QLatin1Char(',')));
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < table->columnCount(); ++c) {
            const QTableWidgetItem *item = table->item(r, c);
            cells.append(csvField(item ? item->text() : QString()));
        }
        lines.append(cells.join(QLatin1Char(',')));
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Status::failure(tr("%1 could not be written: %2").arg(path, f.errorString()));
    const QByteArray bytes = (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (f.write(bytes) != bytes.size())
        return Status::failure(tr("%1 could not be written: %2").arg(path, f.errorString()));
    return {};
}

void UsagePage::saveTable(const QTableWidget *table, const QString &name)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QDir::home().filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Status s = exportCsv(table, path);
    m_message->setVisible(!s.ok());
    m_message->setText(s.error());
}

} // namespace gatehouse
