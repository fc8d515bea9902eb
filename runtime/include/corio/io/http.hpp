// corio::http: a minimal HTTP/1.1 client (Session) and server helper (Server).
#pragma once

#include "corio/io/http/connection.hpp"
#include "corio/io/http/message.hpp"
#include "corio/io/http/server.hpp"
#include "corio/io/http/session.hpp"
