#pragma once

#include <QLocale>
#include <QTranslator>

namespace quotecast {

// quotecast's own translation (compiled into the resources from resources/translations)
// and Qt's (from the system), installed into the application for as long as this object
// lives. English is the source language; its translation only adds plural forms, and is
// what a locale without a translation (C, German...) gets.
class Translations
{
public:
    explicit Translations(const QLocale &locale = QLocale());
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // The language whose translation was loaded, e.g. "fr" or "en".
    QString language() const { return m_language; }

private:
    QTranslator m_quotecast;
    QTranslator m_qt;
    QString m_language;
};

} // namespace quotecast
