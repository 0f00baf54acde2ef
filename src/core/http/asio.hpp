#pragma once
// Boost 1.74 with GCC 12: <boost/asio/awaitable.hpp> needs <utility> first ("exchange is not a
// member of std"). Include Asio and Beast only through this header, and only inside core/http.
#include <utility>
#include <boost/asio.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
