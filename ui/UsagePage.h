#pragma once

#include "log/RequestLogQuery.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace gatehouse {

class GatewayRuntime;

// Usage read from the request log: requests, errors, tokens or cost over time, stacked by
// provider, model or key; time to first byte per provider; and how many tokens local models
// answered, with what they would have cost at a cloud model's catalog price. Each chart's
// numbers are also in a table that can be saved as CSV. The log is read off the GUI thread.
class UsagePage : public QWidget
{
    Q_OBJECT
public:
    enum class Range
    {
        Day,
        Week,
        Month
    };
    enum class Metric
    {
        Requests,
        Errors,
        Tokens,
        Cost
    };

    explicit UsagePage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    // Reads the log again; refreshed() follows once the charts show it.
    void refresh();

    QComboBox *rangeBox() const { return m_range; }
    QComboBox *bucketBox() const { return m_bucket; }
    QComboBox *metricBox() const { return m_metric; }
    QComboBox *stackBox() const { return m_stack; }
    QComboBox *cloudModelBox() const { return m_cloudModel; }
    QChart *usageChart() const { return m_usageChart; }
    QChart *ttfbChart() const { return m_ttfbChart; }
    QTableWidget *usageTable() const { return m_usageTable; }
    QTableWidget *ttfbTable() const { return m_ttfbTable; }
    QTableWidget *localTable() const { return m_localTable; }
    QLabel *savedLabel() const { return m_saved; }
    // What the local models' tokens of the range would have cost at the chosen cloud model's
    // price, in US dollars (0 when none is chosen or it has no price).
    double savedUsd() const { return m_savedUsd; }
    // The share (0..1) of the range's tokens that local models answered.
    double localShare() const { return m_localShare; }

    // Writes a table as CSV (a header line, then one line per row).
    static Status exportCsv(const QTableWidget *table, const QString &path);

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Data
    {
        QString error;
        qint64 sinceMs = 0;
        qint64 untilMs = 0;
        qint64 bucketMs = 0;
        QList<UsageRow> usage;    // by the chosen stacking and bucket
        QList<UsageRow> ttfb;     // by provider
        QList<UsageRow> perModel; // by provider:model
    };
    void showData(const Data &loaded);
    void showUsage();
    void showTtfb();
    void showLocal();
    void saveTable(const QTableWidget *table, const QString &name);
    bool isLocal(const QString &providerId) const;
    // The charts' colours follow the window's palette (light or dark).
    void applyTheme();

    GatewayRuntime *m_runtime;
    QComboBox *m_range;
    QComboBox *m_bucket;
    QComboBox *m_metric;
    QComboBox *m_stack;
    QComboBox *m_cloudModel;
    QLabel *m_message;
    QChart *m_usageChart;
    QChart *m_ttfbChart;
    QChartView *m_usageView;
    QChartView *m_ttfbView;
    QTableWidget *m_usageTable;
    QTableWidget *m_ttfbTable;
    QTableWidget *m_localTable;
    QLabel *m_saved;
    Data m_data;
    int m_generation = 0;
    double m_savedUsd = 0;
    double m_localShare = 0;
};

} // namespace gatehouse
