#include "readmetest.h"

namespace readmetest {

QString sourceDir()
{
    return QStringLiteral(QUOTECAST_SOURCE_DIR);
}

QString where(int line)
{
    return QStringLiteral("README.md:%1").arg(line);
}

QString withoutBackticks(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'`') && text.endsWith(u'`'))
        text = text.mid(1, text.size() - 2);
    return text;
}

QProcessEnvironment englishEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("LC_ALL", "C.UTF-8"); // the README is in English
    environment.remove("LANGUAGE");
    environment.insert("XDG_DATA_HOME", home); // never the user's history or settings
    environment.insert("XDG_CONFIG_HOME", home);
    return environment;
}

} // namespace readmetest
