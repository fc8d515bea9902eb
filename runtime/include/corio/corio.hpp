// corio: a small C++20 coroutine runtime whose API follows Python's asyncio.
//
//   corio::run(main())                      asyncio.run(main())
//   co_await f()                            await f()
//   co_await corio::gather(a(), b())        await asyncio.gather(a(), b())
//   corio::create_task(f())                 asyncio.create_task(f())
//   co_await corio::task_group(body)        async with asyncio.TaskGroup() as g: ...
//   co_await corio::wait(tasks, FIRST_COMPLETED)  await asyncio.wait(tasks, return_when=...)
//   corio::as_completed(tasks)              asyncio.as_completed(tasks)
//   co_await corio::wait_for(f(), 5s)       await asyncio.wait_for(f(), 5)
//   co_await corio::timeout(5s, body)       async with asyncio.timeout(5): ...
//   co_await corio::shield(f())             await asyncio.shield(f())
//   co_await corio::sleep(100ms)            await asyncio.sleep(0.1)
//   auto p = co_await sem.acquire();        async with sem:
//   auto g = co_await lock.acquire();       async with lock:
//   co_await event.wait(), cond.wait(g)     await event.wait(), await cond.wait()
//   co_await corio::with(res, body)         async with res as r: ...
//   while (auto x = co_await g.next())      async for x in g:
//   co_await corio::run_in_executor(fn)     await loop.run_in_executor(None, fn)
#pragma once

#include "corio/as_completed.hpp"
#include "corio/async_generator.hpp"
#include "corio/barrier.hpp"
#include "corio/clock.hpp"
#include "corio/condition.hpp"
#include "corio/errors.hpp"
#include "corio/event.hpp"
#include "corio/event_loop.hpp"
#include "corio/executor.hpp"
#include "corio/gather.hpp"
#include "corio/lock.hpp"
#include "corio/pool.hpp"
#include "corio/queue.hpp"
#include "corio/result.hpp"
#include "corio/run.hpp"
#include "corio/run_options.hpp"
#include "corio/semaphore.hpp"
#include "corio/shield.hpp"
#include "corio/sleep.hpp"
#include "corio/task.hpp"
#include "corio/task_group.hpp"
#include "corio/task_handle.hpp"
#include "corio/timeout.hpp"
#include "corio/wait.hpp"
#include "corio/wait_for.hpp"
#include "corio/with.hpp"

// I/O: TCP, name resolution and HTTP on the loop's epoll reactor.
#include "corio/io/error.hpp"
#include "corio/io/http.hpp"
#include "corio/io/resolve.hpp"
#include "corio/io/tcp.hpp"
