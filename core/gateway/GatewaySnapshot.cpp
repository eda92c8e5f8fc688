#include "GatewaySnapshot.h"

namespace gatehouse {

std::shared_ptr<const GatewaySnapshot>
GatewaySnapshot::build(const Config &config, const QHash<QString, QByteArray> &keys,
                       const QHash<QString, QString> &keyErrors)
{
    auto s = std::make_shared<GatewaySnapshot>();
    s->settings = config.gateway;
    for (const Provider &p : config.providers) {
        s->providerIndex.insert(p.id, static_cast<int>(s->providers.size()));
        s->providers.append({p, keys.value(p.id), keyErrors.value(p.id)});
    }
    for (const AccessKeyRecord &k : config.accessKeys) {
        if (k.isActive())
            s->accessKeys.append({k.name, k.hash});
    }
    return s;
}

} // namespace gatehouse
