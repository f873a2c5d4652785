#pragma once

#include <feed/pricemodel.h>

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace quotecast {

// What quotecast remembers between runs, and the one place that knows how: QSettings, its
// keys, and the ranges past which a saved value (a hand-edited file) is ignored. The windowed
// app keeps the feed's interval, its price model and the server's port here
// (AppOptions::fromSettings and saveTo), the window its geometry and the address it shows; a
// headless server remembers nothing. Its own small library (Qt Core only), since the window uses it
// as well as the app.
class Preferences
{
public:
    // The application's settings: QSettings() for its organization and application names.
    Preferences();
    // Those in `settings`, which must outlive this object (tests: a file of their own).
    explicit Preferences(QSettings &settings);
    ~Preferences();
    Q_DISABLE_COPY_MOVE(Preferences)

    // nullopt when nothing is saved, or nothing valid.
    std::optional<int> intervalMs() const;
    void setIntervalMs(int intervalMs);
    // The market's price model (nullopt: none saved, or not a valid one).
    std::optional<PriceModel> priceModel() const;
    void setPriceModel(const PriceModel &model);
    std::optional<quint16> port() const;
    void setPort(quint16 port);

    QByteArray windowGeometry() const; // QWidget::saveGeometry()
    void setWindowGeometry(const QByteArray &geometry);
    // The host of the server URL last picked among several.
    QString windowAddress() const;
    void setWindowAddress(const QString &host);

private:
    std::unique_ptr<QSettings> m_own; // unless given one
    QSettings &m_settings;
};

} // namespace quotecast
