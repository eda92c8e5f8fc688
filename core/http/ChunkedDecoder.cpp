#include "ChunkedDecoder.h"

#include "HttpNumber.h"

namespace gatehouse {

ChunkedDecoder::Status ChunkedDecoder::fail(Error error)
{
    m_state = State::Failed;
    m_error = error;
    return Status::Error;
}

ChunkedDecoder::Status ChunkedDecoder::decode(QByteArrayView input, qsizetype &consumed,
                                              QByteArray &out)
{
    qsizetype pos = 0;
    consumed = 0;
    while (pos < input.size()) {
        switch (m_state) {
        case State::SizeLine:
        case State::Trailers: {
            // A line, up to its LF (a CR before it is dropped), copied as it comes.
            const qsizetype lf = input.indexOf('\n', pos);
            const qsizetype stop = lf < 0 ? input.size() : lf;
            m_line.append(input.data() + pos, stop - pos);
            if (m_state == State::SizeLine && m_line.size() > m_limits.maxSizeLineBytes)
                return fail(Error::SizeLineTooLong);
            if (m_state == State::Trailers) {
                m_trailerBytes += stop - pos + (lf < 0 ? 0 : 1);
                if (m_trailerBytes > m_limits.maxTrailerBytes)
                    return fail(Error::TrailersTooLarge);
            }
            pos = stop;
            if (lf < 0)
                break;
            ++pos;
            QByteArray line = std::exchange(m_line, {});
            if (line.endsWith('\r'))
                line.chop(1);
            else if (m_limits.strictLineEnds)
                return fail(Error::BadLineEnd);
            if (m_state == State::Trailers) {
                if (line.isEmpty()) {
                    m_state = State::Done;
                    consumed = pos;
                    return Status::Done;
                }
                break; // trailer fields are read and dropped
            }
            QByteArrayView size(line);
            if (const qsizetype semi = size.indexOf(';'); semi >= 0)
                size = size.first(semi); // chunk extensions are ignored
            qint64 n = 0;
            if (!parseHttpNumber(size.trimmed(), 16, n))
                return fail(Error::BadSize);
            if (m_limits.maxBodyBytes >= 0 && m_bodySize + n > m_limits.maxBodyBytes)
                return fail(Error::BodyTooLarge);
            m_remaining = n;
            m_state = n == 0 ? State::Trailers : State::Data;
            break;
        }
        case State::Data: {
            const qint64 take = std::min<qint64>(m_remaining, input.size() - pos);
            out.append(input.data() + pos, take);
            pos += take;
            m_remaining -= take;
            m_bodySize += take;
            if (m_remaining == 0)
                m_state = State::DataCr;
            break;
        }
        case State::DataCr:
            if (input[pos] == '\n' && !m_limits.strictLineEnds) {
                ++pos; // a bare LF after the data, where leniency allows it
                m_state = State::SizeLine;
                break;
            }
            if (input[pos] != '\r')
                return fail(Error::MissingCrlf);
            ++pos;
            m_state = State::DataLf;
            break;
        case State::DataLf:
            if (input[pos] != '\n')
                return fail(Error::MissingCrlf);
            ++pos;
            m_state = State::SizeLine;
            break;
        case State::Done:
            consumed = pos;
            return Status::Done;
        case State::Failed:
            return Status::Error;
        }
    }
    consumed = pos;
    if (m_state == State::Failed)
        return Status::Error;
    return m_state == State::Done ? Status::Done : Status::NeedMore;
}

} // namespace gatehouse
