// gatehouse-stream-probe: opens streaming chat completions (or Responses API streams, with
// --api responses, or Ollama NDJSON streams, with --api ollama) and measures, per stream, the
// time to the first text event, the total time and how the events were spread over time.
// It speaks HTTP/1.0 so that every target (direct, nginx, Gatehouse) sends the raw event
// stream without chunk framing, and the probe sees each event the moment it arrives.
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Sample
{
    double ttftMs = 0;
    double totalMs = 0;
    double spreadMs = 0; // first to last event
    int events = 0;
    bool ok = false;
};

struct Options
{
    int port = 0;
    std::string path = "/v1/chat/completions";
    std::string key;
    std::string model = "echo-1";
    int concurrency = 1;
    int requests = 20;
    bool responses = false; // the Responses API instead of Chat Completions
    bool ollama = false;    // Ollama's /api/chat: NDJSON lines, the last with "done": true
};

// One line of an Ollama stream: a text event, the end, or neither.
void ollamaLine(std::string_view line, Sample &s, bool &sawDone, Clock::time_point now,
                Clock::time_point &first, Clock::time_point &last)
{
    if (line.find("\"done\":true") != std::string_view::npos) {
        sawDone = true;
    } else if (line.find("\"content\":\"") != std::string_view::npos &&
               line.find("\"content\":\"\"") == std::string_view::npos) {
        if (s.events == 0)
            first = now;
        last = now;
        ++s.events;
    }
}

Sample runOne(const Options &o)
{
    Sample s;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return s;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(o.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const std::string body =
        o.responses ? "{\"model\":\"" + o.model + "\",\"stream\":true,\"input\":\"hello\"}"
        : o.ollama  ? "{\"model\":\"" + o.model +
                         "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"
                   : "{\"model\":\"" + o.model +
                         "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                         "\"hello\"}]}";
    std::string request = "POST " + o.path +
                          " HTTP/1.0\r\nHost: 127.0.0.1:" + std::to_string(o.port) +
                          "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n";
    if (!o.key.empty())
        request += "Authorization: Bearer " + o.key + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;

    const auto start = Clock::now();
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(request.size())) {
        ::close(fd);
        return s;
    }
    std::string buffer;
    size_t scanned = 0;
    bool headersDone = false;
    bool sawDone = false;
    Clock::time_point first{}, last{};
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            break;
        const auto now = Clock::now();
        buffer.append(chunk, static_cast<size_t>(n));
        if (!headersDone) {
            const size_t end = buffer.find("\r\n\r\n");
            if (end == std::string::npos)
                continue;
            if (buffer.compare(0, 12, "HTTP/1.1 200") != 0 &&
                buffer.compare(0, 12, "HTTP/1.0 200") != 0)
                break;
            headersDone = true;
            scanned = end + 4;
        }
        while (o.ollama) {
            const size_t eol = buffer.find('\n', scanned);
            if (eol == std::string::npos)
                break;
            ollamaLine(std::string_view(buffer.data() + scanned, eol - scanned), s, sawDone, now,
                       first, last);
            scanned = eol + 1;
        }
        for (; !o.ollama;) {
            const size_t pos = buffer.find("data: ", scanned);
            if (pos == std::string::npos)
                break;
            const size_t eol = buffer.find("\n\n", pos);
            if (eol == std::string::npos)
                break;
            if (o.responses) {
                // Text deltas are the events; response.completed is the end.
                const std::string_view event(buffer.data() + pos, eol - pos);
                if (event.find("\"response.completed\"") != std::string_view::npos) {
                    sawDone = true;
                } else if (event.find("\"response.output_text.delta\"") != std::string_view::npos) {
                    if (s.events == 0)
                        first = now;
                    last = now;
                    ++s.events;
                }
            } else if (buffer.compare(pos, 12, "data: [DONE]") == 0) {
                sawDone = true;
            } else {
                if (s.events == 0)
                    first = now;
                last = now;
                ++s.events;
            }
            scanned = eol + 2;
        }
        if (sawDone)
            break;
    }
    const auto end = Clock::now();
    ::close(fd);
    auto ms = [](Clock::duration d) {
        return std::chrono::duration<double, std::milli>(d).count();
    };
    s.ok = sawDone && s.events > 0;
    s.ttftMs = s.events ? ms(first - start) : 0;
    s.spreadMs = s.events ? ms(last - first) : 0;
    s.totalMs = ms(end - start);
    return s;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i =
        std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const char *v = argv[i + 1];
        if (a == "--port")
            o.port = std::atoi(v);
        else if (a == "--path")
            o.path = v;
        else if (a == "--key")
            o.key = v;
        else if (a == "--model")
            o.model = v;
        else if (a == "--concurrency")
            o.concurrency = std::max(1, std::atoi(v));
        else if (a == "--requests")
            o.requests = std::max(1, std::atoi(v));
        else if (a == "--api") {
            o.responses = std::string(v) == "responses";
            o.ollama = std::string(v) == "ollama";
        } else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (o.responses && o.path == "/v1/chat/completions")
        o.path = "/v1/responses";
    if (o.ollama && o.path == "/v1/chat/completions")
        o.path = "/api/chat";
    if (o.port <= 0) {
        std::fprintf(stderr, "usage: gatehouse-stream-probe --port N [--key K] [--model M] "
                             "[--concurrency C] [--requests N]\n");
        return 2;
    }
    std::vector<Sample> samples(static_cast<size_t>(o.requests));
    std::atomic<int> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < o.concurrency; ++t) {
        threads.emplace_back([&] {
            for (int i = next++; i < o.requests; i = next++)
                samples[static_cast<size_t>(i)] = runOne(o);
        });
    }
    for (auto &t : threads)
        t.join();
    std::vector<double> ttft, total, spread;
    int failures = 0, events = 0;
    for (const auto &s : samples) {
        if (!s.ok) {
            ++failures;
            continue;
        }
        ttft.push_back(s.ttftMs);
        total.push_back(s.totalMs);
        spread.push_back(s.spreadMs);
        events = s.events;
    }
    std::printf(
        "{\"requests\":%d,\"failures\":%d,\"events\":%d,\"ttft_p50_ms\":%.3f,\"ttft_p99_ms\":%.3f,"
        "\"total_p50_ms\":%.3f,\"total_p99_ms\":%.3f,\"spread_p50_ms\":%.3f}\n",
        o.requests, failures, events, percentile(ttft, 0.5), percentile(ttft, 0.99),
        percentile(total, 0.5), percentile(total, 0.99), percentile(spread, 0.5));
    return failures ? 1 : 0;
}
