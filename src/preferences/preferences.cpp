#include <preferences/preferences.h>

#include <feed/marketsimulator.h>

#include <QSettings>

namespace quotecast {

namespace {
const QString IntervalKey = QStringLiteral("feed/intervalMs");
const QString PortKey = QStringLiteral("server/port");
const QString ModelKey = QStringLiteral("feed/model");
const QString VolatilityKey = QStringLiteral("feed/volatilityPpm");
const QString DriftKey = QStringLiteral("feed/driftPpm");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString AddressKey = QStringLiteral("window/address");
} // namespace

Preferences::Preferences()
    : m_own(std::make_unique<QSettings>())
    , m_settings(*m_own)
{ }

Preferences::Preferences(QSettings &settings)
    : m_settings(settings)
{ }

Preferences::~Preferences() = default;

std::optional<int> Preferences::intervalMs() const
{
    bool ok = false;
    const int intervalMs = m_settings.value(IntervalKey).toInt(&ok);
    if (!ok || intervalMs < MarketSimulator::MinIntervalMs
        || intervalMs > MarketSimulator::MaxIntervalMs)
        return std::nullopt;
    return intervalMs;
}

void Preferences::setIntervalMs(int intervalMs)
{
    m_settings.setValue(IntervalKey, intervalMs);
}

std::optional<PriceModel> Preferences::priceModel() const
{
    const auto kind = PriceModel::kindNamed(m_settings.value(ModelKey).toString());
    bool volatilityOk = false;
    bool driftOk = false;
    const PriceModel model { kind.value_or(PriceModel::Kind::Uniform),
                             m_settings.value(VolatilityKey).toInt(&volatilityOk),
                             m_settings.value(DriftKey).toInt(&driftOk) };
    if (!kind || !volatilityOk || !driftOk || !model.isValid())
        return std::nullopt;
    return model;
}

void Preferences::setPriceModel(const PriceModel &model)
{
    m_settings.setValue(ModelKey, model.name());
    m_settings.setValue(VolatilityKey, model.volatilityPpm);
    m_settings.setValue(DriftKey, model.driftPpm);
}

std::optional<quint16> Preferences::port() const
{
    bool ok = false;
    const int port = m_settings.value(PortKey).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

void Preferences::setPort(quint16 port)
{
    m_settings.setValue(PortKey, port);
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

void Preferences::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(GeometryKey, geometry);
}

QString Preferences::windowAddress() const
{
    return m_settings.value(AddressKey).toString();
}

void Preferences::setWindowAddress(const QString &host)
{
    m_settings.setValue(AddressKey, host);
}

} // namespace quotecast
