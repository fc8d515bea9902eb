// Stand-in for libcurl's <curl/curl.h> and <curl/multi.h> (coro-tidy
// testdata): declarations only, the real names and signatures (C linkage).
#pragma once

#ifdef __cplusplus
extern "C" {
#endif
typedef void CURL;
typedef void CURLM;
typedef int curl_socket_t;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLM_OK = 0 } CURLMcode;
struct curl_waitfd {
  curl_socket_t fd;
  short events;
  short revents;
};
CURL *curl_easy_init(void);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
CURLM *curl_multi_init(void);
CURLMcode curl_multi_add_handle(CURLM *multi_handle, CURL *curl_handle);
CURLMcode curl_multi_perform(CURLM *multi_handle, int *running_handles);
CURLMcode curl_multi_wait(CURLM *multi_handle, struct curl_waitfd extra_fds[],
                          unsigned int extra_nfds, int timeout_ms, int *ret);
CURLMcode curl_multi_poll(CURLM *multi_handle, struct curl_waitfd extra_fds[],
                          unsigned int extra_nfds, int timeout_ms, int *ret);
CURLMcode curl_multi_wakeup(CURLM *multi_handle);
#ifdef __cplusplus
}
#endif
