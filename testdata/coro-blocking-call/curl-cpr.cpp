// libcurl and cpr, the requests-style C++ client: transfers block the
// thread; curl_multi_wait/curl_multi_poll block unless the timeout is zero.
#include <cpr/cpr.h>
#include <curl/curl.h>
#include <minitask/minitask.hpp>
#include <chrono>

using namespace std::chrono_literals;

mini::Task<int> easy(CURL *curl) {
  CURLcode rc = curl_easy_perform(curl); // expected-warning {{blocking call to 'curl_easy_perform' in coroutine 'easy'}}
  co_return rc;
}

mini::Task<int> multi(CURLM *m, int timeout_ms) {
  int numfds = 0;
  curl_multi_wait(m, nullptr, 0, 1000, &numfds); // expected-warning {{blocking call to 'curl_multi_wait'}}
  curl_multi_poll(m, nullptr, 0, timeout_ms, &numfds); // expected-warning {{blocking call to 'curl_multi_poll'}}
  co_return numfds;
}

mini::Task<long> requests(cpr::Session &session) {
  cpr::Response r = cpr::Get(cpr::Url{"http://example.org"}); // expected-warning {{blocking call to 'cpr::Get'}}
  r = cpr::Post(cpr::Url{"http://example.org"}, cpr::Body{"x"}); // expected-warning {{blocking call to 'cpr::Post'}}
  r = session.Get(); // expected-warning {{blocking call to 'cpr::Session::Get'}}
  cpr::AsyncResponse pending = cpr::GetAsync(cpr::Url{"http://example.org"});
  r = pending.get(); // expected-warning {{blocking call to 'cpr::AsyncWrapper::get'}}
  co_return r.status_code;
}

// Negatives: a zero timeout only polls; curl_multi_perform does not wait;
// the *Async forms run the request on cpr's thread pool.
mini::Task<int> polls(CURLM *m) {
  int numfds = 0;
  curl_multi_wait(m, nullptr, 0, 0, &numfds);
  curl_multi_poll(m, nullptr, 0, 0, &numfds);
  int running = 0;
  curl_multi_perform(m, &running);
  co_return numfds + running;
}

mini::Task<bool> async_request() {
  cpr::AsyncResponse pending = cpr::GetAsync(cpr::Url{"http://example.org"});
  bool done = pending.wait_for(0s) == std::future_status::ready;
  co_return done && pending.valid();
}

// Outside a coroutine, blocking is fine.
long blocking_main() { return cpr::Get(cpr::Url{"http://example.org"}).status_code; }
