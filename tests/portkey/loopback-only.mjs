// Loaded before Portkey's gateway (node --import): the gateway listens on 127.0.0.1 alone, on a
// port the system picks (printed as "listening on PORT"), and may reach nothing but 127.0.0.1.
// Its start script binds every address on a fixed port and has no option for either.
import net from 'node:net';

const listen = net.Server.prototype.listen;
let first = true;
net.Server.prototype.listen = function (...args) {
    if (first && typeof args[0] === 'number') {
        first = false;
        const callback = args.find((a) => typeof a === 'function');
        this.once('listening', () => process.stderr.write(`listening on ${this.address().port}\n`));
        return listen.call(this, 0, '127.0.0.1', callback);
    }
    return listen.apply(this, args);
};

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.hostname !== '127.0.0.1') {
        process.stderr.write(`blocked a request to ${url.host}\n`);
        return Promise.reject(new Error('only 127.0.0.1 may be reached'));
    }
    return realFetch(input, init);
};
