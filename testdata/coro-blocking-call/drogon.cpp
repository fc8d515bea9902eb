// drogon: the synchronous database and Redis calls block the event loop;
// their Coro twins are awaited. A blocking call in an AsyncTask (eager,
// fire-and-forget) runs on the loop too.
#include <drogon/nosql/RedisClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
#include <chrono>
#include <string>
#include <thread>

using namespace std::chrono_literals;

drogon::Task<std::size_t> users(drogon::orm::DbClient &db,
                                drogon::nosql::RedisClient &redis) {
  auto rows = db.execSqlSync("select * from users"); // expected-warning {{blocking call to 'drogon::orm::DbClient::execSqlSync' in coroutine 'users'}}
  std::string cached = redis.execCommandSync( // expected-warning {{blocking call to 'drogon::nosql::RedisClient::execCommandSync'}}
      [](const drogon::nosql::RedisResult &r) { return std::string(r.asString()); },
      "get %s", "users");
  co_return rows.size() + cached.size();
}

drogon::AsyncTask fire_and_forget() {
  std::this_thread::sleep_for(10ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'fire_and_forget'}}
  co_return;
}

drogon::Task<std::size_t> right_way(drogon::orm::DbClient &db,
                                    drogon::nosql::RedisClient &redis,
                                    trantor::EventLoop *loop) {
  co_await drogon::sleepCoro(loop, 0.5s);
  auto rows = co_await db.execSqlCoro("select * from users");
  auto cached = co_await redis.execCommandCoro("get %s", "users");
  auto later = db.execSqlAsyncFuture("select 1");
  (void)later;
  co_return rows.size() + cached.asString().size();
}
