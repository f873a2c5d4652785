#include <app/translations.h>

#include <QCoreApplication>
#include <QLibraryInfo>

namespace quotecast {

namespace {
const QString Resources = QStringLiteral(":/i18n");
}

Translations::Translations(const QLocale &locale)
{
    // load() tries each of the locale's UI languages (fr_CA, fr...) in turn.
    if (!m_quotecast.load(locale, QStringLiteral("quotecast"), QStringLiteral("_"), Resources)
        && !m_quotecast.load(QStringLiteral("quotecast_en"), Resources))
        qWarning("quotecast: the translations are missing from the resources");
    m_language = m_quotecast.language().section(u'_', 0, 0);
    QCoreApplication::installTranslator(&m_quotecast);
    // Qt's own strings (standard buttons, shortcuts' names) when the system has them.
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

Translations::~Translations()
{
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_quotecast);
}

} // namespace quotecast
