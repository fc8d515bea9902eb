// corio::http: a minimal HTTP/1.1 client (Session) and server helper (Server).
#pragma once

#include "corio/http/connection.hpp"
#include "corio/http/message.hpp"
#include "corio/http/server.hpp"
#include "corio/http/session.hpp"
