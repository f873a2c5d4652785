#pragma once

#include "serverprocess.h"

// A real redis-server on a free loopback port that keeps nothing on disk, for the relay
// tests with several nginx nodes.
class RedisServer
{
public:
    // Why it cannot run here (redis-server missing), or empty.
    static QString missing();

    bool start(); // true once it accepts connections
    quint16 port() const { return m_server.port(); }

private:
    ServerProcess m_server;
};
