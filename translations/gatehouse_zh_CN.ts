<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessKeys</name>
    <message>
        <location filename="../core/config/AccessKey.cpp" line="+35"/>
        <source>In access key &quot;%1&quot;: %2</source>
        <translation>访问密钥“%1”中：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Access key &quot;%1&quot; has no valid sha256 hash.</source>
        <translation>访问密钥“%1”没有有效的 SHA-256 哈希。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;%1&quot; is not a valid key name: use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>“%1”不是有效的密钥名称：请使用 1 到 64 个字母、数字、点、短横线或下划线。</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../core/catalog/Catalog.cpp" line="+33"/>
        <source>The model catalog is not valid JSON: %1</source>
        <translation>模型目录不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The model catalog has a bad entry &quot;%1&quot;.</source>
        <translation>模型目录中有无效条目“%1”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The model catalog has a bad model in &quot;%1&quot;.</source>
        <translation>模型目录中“%1”下有无效的模型。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot read the catalog file %1: %2</source>
        <translation>无法读取目录文件 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1: %2</source>
        <translation>在 %1 中：%2</translation>
    </message>
</context>
<context>
    <name>GatewayService</name>
    <message>
        <location filename="../core/gateway/GatewayService.cpp" line="+78"/>
        <source>The Ollama API cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>Ollama API 无法在 127.0.0.1 端口 %1 上监听：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>KeychainAdvice</name>
    <message>
        <location filename="../ui/KeychainAdvice.h" line="+14"/>
        <source>No system keychain is available (%1). Gatehouse keeps provider keys only in the keychain and never in a file. Install and start a Secret Service such as GNOME Keyring or KWallet, log in again, and retry. Nothing was saved.</source>
        <translation>没有可用的系统钥匙串（%1）。Gatehouse 只把提供方密钥保存在钥匙串中，从不写入文件。请安装并启动 GNOME Keyring 或 KWallet 等 Secret Service，重新登录后再试。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keychain refused access or is locked (%1). Unlock it (your desktop&apos;s keyring or password manager) and retry. Nothing was saved.</source>
        <translation>系统钥匙串拒绝了访问或已锁定（%1）。请解锁（桌面的钥匙环或密码管理器）后再试。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain reported an error: %1. Nothing was saved.</source>
        <translation>系统钥匙串报告错误：%1。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../core/discovery/ModelFacts.cpp" line="+38"/>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in / %2 out per 1M tokens</source>
        <translation>每 100 万 token：输入 %1 / 输出 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 context</source>
        <translation>%1 上下文</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
</context>
<context>
    <name>ModelReference</name>
    <message>
        <location filename="../core/config/ModelReference.cpp" line="+16"/>
        <source>The model name is empty.</source>
        <translation>模型名称为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model name &quot;%1&quot; has leading or trailing spaces.</source>
        <translation>模型名称“%1”的开头或结尾有空格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model name contains a control character.</source>
        <translation>模型名称包含控制字符。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; names no provider before the colon; use provider:model.</source>
        <translation>“%1”在冒号前没有指定提供方；请使用 提供方:模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; names no model after the colon; use provider:model.</source>
        <translation>“%1”在冒号后没有指定模型；请使用 提供方:模型。</translation>
    </message>
</context>
<context>
    <name>OllamaApiSettings</name>
    <message>
        <location filename="../core/config/OllamaApiSettings.cpp" line="+36"/>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must be a port number from 1 to 65535.</source>
        <translation>“%1”必须是 1 到 65535 之间的端口号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; must be the name of a key configuration.</source>
        <translation>“%1”必须是密钥配置的名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is needed while the Ollama API listener is enabled: a port number from 1 to 65535.</source>
        <translation>启用 Ollama API 监听时需要“%1”：1 到 65535 之间的端口号。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Port %1 is the gateway&apos;s own port; the Ollama API needs a port of its own.</source>
        <translation>端口 %1 是网关自己的端口；Ollama API 需要单独的端口。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no key configuration &quot;%1&quot;; create it first, or use &quot;default&quot;.</source>
        <translation>没有名为“%1”的密钥配置；请先创建它，或使用“default”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pick a port for the Ollama API, for example %1.</source>
        <translation>请为 Ollama API 选择一个端口，例如 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Port %1 on 127.0.0.1 is in use by another program (Ollama itself listens on 11434); pick another port.</source>
        <translation>127.0.0.1 上的端口 %1 已被其他程序占用（Ollama 本身监听 11434）；请选择其他端口。</translation>
    </message>
</context>
<context>
    <name>OllamaModel</name>
    <message>
        <location filename="../core/discovery/OllamaModel.cpp" line="+39"/>
        <source>The answer to %1 is not a JSON object.</source>
        <translation>%1 的回答不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The answer to %1 has no &quot;models&quot; list.</source>
        <translation>%1 的回答没有“models”列表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer to %1 lists more than %2 models.</source>
        <translation>%1 的回答列出了超过 %2 个模型。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 context</source>
        <translation>%1 上下文</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/DesktopApp.cpp" line="+71"/>
        <source>Gatehouse cannot start</source>
        <translation>Gatehouse 无法启动</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <location filename="../core/config/Routing.cpp" line="+44"/>
        <source>Unknown strategy &quot;%1&quot;; use in-order, round-robin, weighted or lowest-latency.</source>
        <translation>未知策略“%1”；请使用 in-order、round-robin、weighted 或 lowest-latency。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&quot;%1&quot; is not a valid route name: use an alias of letters, digits, dots, dashes, slashes or underscores, or a provider:model reference.</source>
        <translation>“%1”不是有效的路由名称：请使用由字母、数字、点、短横线、斜杠或下划线组成的别名，或 提供方:模型 引用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route &quot;%1&quot; has no candidates.</source>
        <translation>路由“%1”没有候选项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route &quot;%1&quot;: candidate &quot;%2&quot; must be a provider:model reference.</source>
        <translation>路由“%1”：候选项“%2”必须是 提供方:模型 引用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route &quot;%1&quot;: the weight of &quot;%2&quot; must be from 1 to 1000.</source>
        <translation>路由“%1”：“%2”的权重必须在 1 到 1000 之间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route &quot;%1&quot;: retries must be from 0 to 5.</source>
        <translation>路由“%1”：重试次数必须在 0 到 5 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route &quot;%1&quot;: the deadline must be from 1 to 600 seconds.</source>
        <translation>路由“%1”：截止时间必须在 1 到 600 秒之间。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>In route &quot;%1&quot;: %2</source>
        <translation>路由“%1”中：%2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&quot;%1&quot; is not a valid configuration name: use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>“%1”不是有效的配置名称：请使用 1 到 64 个字母、数字、点、短横线或下划线。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Configuration &quot;%1&quot;: the pattern &quot;%2&quot; is empty or has surrounding spaces.</source>
        <translation>配置“%1”：模式“%2”为空或两端有空格。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration &quot;%1&quot;: limits cannot be negative.</source>
        <translation>配置“%1”：限制不能为负数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration &quot;%1&quot;: content is kept from 1 to 3650 days.</source>
        <translation>配置“%1”：内容保留 1 到 3650 天。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration &quot;%1&quot;: the size cap of a captured body is from 1024 bytes to 64 MiB.</source>
        <translation>配置“%1”：每个记录内容的大小上限须在 1024 字节到 64 MiB 之间。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>In key configuration &quot;%1&quot;: %2</source>
        <translation>密钥配置“%1”中：%2</translation>
    </message>
</context>
<context>
    <name>UiSettings</name>
    <message>
        <location filename="../ui/UiSettings.cpp" line="+108"/>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>gatehouse</name>
    <message>
        <location filename="../core/connect/CodexWiring.cpp" line="+75"/>
        <location filename="../core/connect/ContinueWiring.cpp" line="+98"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>it sets model, model_provider or model_providers.gatehouse in a form Gatehouse cannot change; write them as plain top-level keys and a [model_providers.gatehouse] table</source>
        <translation>它设置 model、model_provider 或 model_providers.gatehouse 的形式是 Gatehouse 无法修改的；请将它们写成普通的顶层键和一个 [model_providers.gatehouse] 表</translation>
    </message>
    <message>
        <location filename="../core/connect/ContinueWiring.cpp" line="-5"/>
        <source>the file holds more than one YAML document</source>
        <translation>该文件包含多个 YAML 文档</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the top level of the file is not a map of settings</source>
        <translation>该文件的顶层不是设置的映射</translation>
    </message>
    <message>
        <location filename="../core/connect/ToolConnector.cpp" line="+86"/>
        <source>%1: cannot create its folder</source>
        <translation>%1：无法创建其所在文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot write it: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&quot;%1&quot; is not a gateway address such as http://127.0.0.1:4777.</source>
        <translation>“%1”不是网关地址，例如 http://127.0.0.1:4777。</translation>
    </message>
    <message>
        <location filename="../core/migrate/Exporter.cpp" line="+75"/>
        <source>There is no route &quot;%1&quot;; see gatehouse route list.</source>
        <translation>没有路由“%1”；请查看 gatehouse route list。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Gatehouse route &quot;%1&quot; picks the fastest candidate; Portkey has no such strategy, so the candidates are tried in order.</source>
        <translation>Gatehouse 路由“%1”选择最快的候选项；Portkey 没有这种策略，因此按顺序尝试候选项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gatehouse route &quot;%1&quot; takes turns; Portkey balances with equal weights.</source>
        <translation>Gatehouse 路由“%1”轮流使用候选项；Portkey 以相同权重进行均衡。</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>Provider %1 speaks only %2, which Envoy AI Gateway does not take; it is left out.</source>
        <translation>提供方 %1 只支持 %2，而 Envoy AI Gateway 不接受它；已将其略去。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Create the secret %1 with: kubectl create secret generic %1 --from-literal=apiKey=&quot;$%2&quot;</source>
        <translation>使用以下命令创建 Secret %1：kubectl create secret generic %1 --from-literal=apiKey=&quot;$%2&quot;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Route %1 has no candidate Envoy AI Gateway can reach; it is left out.</source>
        <translation>路由 %1 没有 Envoy AI Gateway 能访问的候选项；已将其略去。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route %1 picks the fastest candidate in Gatehouse; Envoy AI Gateway tries its candidates in order.</source>
        <translation>路由 %1 在 Gatehouse 中选择最快的候选项；Envoy AI Gateway 按顺序尝试其候选项。</translation>
    </message>
    <message>
        <location filename="../core/migrate/Importer.cpp" line="+127"/>
        <source>%1: a %2 model needs a base URL (api_base), and none is given.</source>
        <translation>%1：%2 模型需要基础 URL（api_base），但未提供。</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+4"/>
        <source>This is not a LiteLLM config.yaml: it has no model_list.</source>
        <translation>这不是 LiteLLM 的 config.yaml：其中没有 model_list。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: no model_name or litellm_params.</source>
        <translation>%1：没有 model_name 或 litellm_params。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: the model &quot;%2&quot; is of a provider Gatehouse cannot reach (%3).</source>
        <translation>%1：模型“%2”所属的提供方 Gatehouse 无法访问（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no provider prefix</source>
        <translation>没有提供方前缀</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: api_base comes from $%2, which is not set now.</source>
        <translation>%1：api_base 取自 $%2，但该变量当前未设置。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: litellm_params.%2 has no Gatehouse equivalent.</source>
        <translation>%1：litellm_params.%2 在 Gatehouse 中没有对应项。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>routing_strategy %1 has no Gatehouse equivalent; model groups use round robin.</source>
        <translation>routing_strategy %1 在 Gatehouse 中没有对应项；模型组使用轮询。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 has no Gatehouse equivalent: routes fall back on errors, time-outs and rate limits.</source>
        <translation>%1 在 Gatehouse 中没有对应项：路由在出错、超时和速率限制时会回退。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1.%2 has no Gatehouse equivalent.</source>
        <translation>%1.%2 在 Gatehouse 中没有对应项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>general_settings.master_key: Gatehouse makes its own access keys (gatehouse key create NAME).</source>
        <translation>general_settings.master_key：Gatehouse 会自行创建访问密钥（gatehouse key create NAME）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>general_settings.%1 has no Gatehouse equivalent.</source>
        <translation>general_settings.%1 在 Gatehouse 中没有对应项。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+166"/>
        <source>%1 has no Gatehouse equivalent.</source>
        <translation>%1 在 Gatehouse 中没有对应项。</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>fallbacks of %1: there is no model group &quot;%2&quot;.</source>
        <translation>%1 的 fallbacks：没有模型组“%2”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 retries become %3, Gatehouse&apos;s most.</source>
        <translation>%1：%2 次重试改为 %3 次，即 Gatehouse 的上限。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This is not a claude-code-router config.json: %1 at byte %2.</source>
        <translation>这不是 claude-code-router 的 config.json：%1（位于第 %2 字节）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a claude-code-router config.json: it has no Providers.</source>
        <translation>这不是 claude-code-router 的 config.json：其中没有 Providers。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: api_base_url %2 does not end in /chat/completions; it is used as the base URL.</source>
        <translation>%1：api_base_url %2 不以 /chat/completions 结尾；将其用作基础 URL。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the transformer &quot;%2&quot; is not applied; Gatehouse translates between APIs itself.</source>
        <translation>%1：不应用转换器“%2”；Gatehouse 自己在各 API 之间转换。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Router.%1 has no Gatehouse equivalent (Gatehouse does not choose a model by the prompt&apos;s length).</source>
        <translation>Router.%1 在 Gatehouse 中没有对应项（Gatehouse 不按提示词长度选择模型）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: &quot;%2&quot; names no imported provider.</source>
        <translation>%1：“%2”不是任何已导入的提供方。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>APIKEY: Gatehouse makes its own access keys (gatehouse key create NAME).</source>
        <translation>APIKEY：Gatehouse 会自行创建访问密钥（gatehouse key create NAME）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This is not a Continue config.yaml: it has no models.</source>
        <translation>这不是 Continue 的 config.yaml：其中没有 models。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a hub block (uses: %2) cannot be read here; add its provider by hand.</source>
        <translation>%1：此处无法读取 hub 块（uses: %2）；请手动添加其提供方。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the provider &quot;%2&quot; is one Gatehouse cannot reach.</source>
        <translation>%1：提供方“%2”是 Gatehouse 无法访问的。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2 stays in Continue&apos;s own settings.</source>
        <translation>%1：%2 保留在 Continue 自己的设置中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: Continue&apos;s own settings, not imported.</source>
        <translation>%1：Continue 自己的设置，未导入。</translation>
    </message>
</context>
<context>
    <name>gatehouse::AccessKeysPage</name>
    <message>
        <location filename="../ui/AccessKeysPage.cpp" line="+71"/>
        <source>&amp;Create key</source>
        <translation>创建密钥(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke…</source>
        <translation>撤销(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Con&amp;figurations…</source>
        <translation>配置(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every tool calls Gatehouse with an access key. Give each tool its own key, so you can see what it does and revoke it alone.</source>
        <translation>每个工具都用访问密钥调用 Gatehouse。为每个工具单独创建密钥，这样可以看到它做了什么，也能单独撤销。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New key name</source>
        <translation>新密钥名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example vscode or laptop-cli</source>
        <translation>例如 vscode 或 laptop-cli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration of the new key</source>
        <translation>新密钥的配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the new key may do</source>
        <translation>新密钥可以做什么</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Access keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use against limits</source>
        <translation>计入限额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected key &amp;uses:</source>
        <translation>所选密钥使用(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration of the selected key</source>
        <translation>所选密钥的配置</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+26"/>
        <location line="+40"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Configuration “%1”: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Revoke access key</source>
        <translation>撤销访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the key &quot;%1&quot;? Tools using it are refused from now on. This cannot be undone.</source>
        <translation>撤销密钥“%1”？使用它的工具将立即被拒绝。此操作无法撤消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>gatehouse::AddProviderWizard</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+523"/>
        <source>Add a provider</source>
        <translation>添加提供方</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>A provider with the id &quot;%1&quot; exists already; pick another id.</source>
        <translation>ID 为“%1”的提供方已存在；请换一个 ID。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ChatClient</name>
    <message>
        <location filename="../core/chat/ChatClient.cpp" line="+126"/>
        <source>The gateway answered HTTP %1.</source>
        <translation>网关返回 HTTP %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway answered HTTP %1: %2</source>
        <translation>网关返回 HTTP %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot reach the gateway at %1: %2</source>
        <translation>无法连接位于 %1 的网关：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The answer ended early: the connection closed before it was complete.</source>
        <translation>回答提前结束：连接在完成前已关闭。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot reach the gateway: %1</source>
        <translation>无法连接网关：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ChatPage</name>
    <message>
        <location filename="../ui/ChatPage.cpp" line="+26"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>provider:model or an alias</source>
        <translation>提供方:模型 或别名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the gateway which models it offers</source>
        <translation>询问网关提供哪些模型</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a message; Ctrl+Enter sends it</source>
        <translation>输入消息；按 Ctrl+Enter 发送</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Messages go through the gateway at %1, as a tool&apos;s would.</source>
        <translation>消息经由位于 %1 的网关发送，与工具的请求完全相同。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+93"/>
        <source>The gateway is not running; resume it to chat.</source>
        <translation>网关未运行；请恢复后再聊天。</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Could not list models: %1</source>
        <translation>无法列出模型：%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Pick a model first, as provider:model (for example my-ollama:llama3.2).</source>
        <translation>请先选择模型，格式为 提供方:模型（例如 my-ollama:llama3.2）。</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Loaded a conversation of %n turn(s) from the request log; pick a model and send.</source>
        <translation>
            <numerusform>已从请求日志载入一段 %n 轮的对话；请选择模型并发送。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>first token %1 ms</source>
        <translation>首个令牌 %1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total %1 ms</source>
        <translation>总计 %1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in / %2 out tokens</source>
        <translation>输入 %1 / 输出 %2 个令牌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>*Pick a model and send a message to test a route. The answer streams in here, with who answered and how fast.*</source>
        <translation>*选择一个模型并发送消息来测试路由。回答会以流式显示在这里，并注明由谁回答、速度如何。*</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting for the first token…</source>
        <translation>正在等待首个令牌…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-237"/>
        <source>Cloud provider</source>
        <translation>云服务提供方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the provider you have an API key for.</source>
        <translation>选择你拥有 API 密钥的提供方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloud providers</source>
        <translation>云服务提供方</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another OpenAI- or Anthropic-compatible API (enter its URL)</source>
        <translation>其他兼容 OpenAI 或 Anthropic 的 API（输入其 URL）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Models in the catalog</source>
        <translation>目录中的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Can</source>
        <translation>能力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>$ in / out per M</source>
        <translation>每百万令牌价格（输入 / 输出，美元）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main models, from Gatehouse&apos;s catalog:</source>
        <translation>Gatehouse 目录中的主要模型：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vision</source>
        <translation>视觉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>在 &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; 获取密钥</translation>
    </message>
</context>
<context>
    <name>gatehouse::CodexConfigWiring</name>
    <message>
        <location filename="../core/connect/CodexWiring.cpp" line="+66"/>
        <source>Gatehouse could not add its settings without changing others</source>
        <translation>Gatehouse 无法在不更改其他设置的情况下添加自己的设置</translation>
    </message>
</context>
<context>
    <name>gatehouse::Config</name>
    <message>
        <location filename="../core/config/Config.cpp" line="+133"/>
        <source>&quot;schemaVersion&quot; is missing or not a number.</source>
        <translation>缺少“schemaVersion”或它不是数字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>schema version %1 is not supported (this Gatehouse reads version %2); it may have been written by a newer Gatehouse.</source>
        <translation>不支持架构版本 %1（此 Gatehouse 读取版本 %2）；该文件可能由更新版本的 Gatehouse 写入。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;instanceId&quot; is missing.</source>
        <translation>缺少“instanceId”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In &quot;gateway&quot;: %1</source>
        <translation>“gateway”中：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>gateway bind address &quot;%1&quot; is not an IP address.</source>
        <translation>网关绑定地址“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gateway port %1 is out of range.</source>
        <translation>网关端口 %1 超出范围。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>gateway limits must be positive numbers.</source>
        <translation>网关限制必须是正数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>provider &quot;%1&quot; is listed twice.</source>
        <translation>提供方“%1”重复列出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route &quot;%1&quot; is listed twice.</source>
        <translation>路由“%1”重复列出。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>key configuration &quot;%1&quot; is listed twice.</source>
        <translation>密钥配置“%1”重复列出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>access key &quot;%1&quot; uses the configuration &quot;%2&quot;, which does not exist.</source>
        <translation>访问密钥“%1”使用的配置“%2”不存在。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigEditor</name>
    <message>
        <location filename="../core/config/ConfigEditor.cpp" line="+27"/>
        <source>There is no provider &quot;%1&quot;.</source>
        <translation>没有提供方“%1”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+67"/>
        <location line="+55"/>
        <source>There is no key configuration &quot;%1&quot;.</source>
        <translation>没有密钥配置“%1”。</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Route &quot;%1&quot;: there is no provider &quot;%2&quot; (in &quot;%3&quot;).</source>
        <translation>路由“%1”：没有提供方“%2”（在“%3”中）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A route named &quot;%1&quot; exists already; pick another name.</source>
        <translation>已存在名为“%1”的路由，请换一个名称。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The name &quot;%1&quot; is the keyless Ollama API&apos;s; pick another name.</source>
        <translation>名称“%1”属于无密钥的 Ollama API；请换一个名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no key configuration &quot;%1&quot;; create it first.</source>
        <translation>没有密钥配置“%1”；请先创建它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An access key named &quot;%1&quot; already exists; revoke it first or pick another name.</source>
        <translation>名为“%1”的访问密钥已存在；请先吊销它或换一个名称。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>There is no access key &quot;%1&quot;.</source>
        <translation>没有访问密钥“%1”。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Access key &quot;%1&quot; is already revoked.</source>
        <translation>访问密钥“%1”已被吊销。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Key configuration &quot;%1&quot;: there is no provider &quot;%2&quot;.</source>
        <translation>密钥配置“%1”：没有提供商“%2”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider &quot;%1&quot; has no key &quot;%2&quot;; store it first.</source>
        <translation>提供商“%1”没有密钥“%2”；请先保存它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A key configuration named &quot;%1&quot; exists already; pick another name.</source>
        <translation>名为“%1”的密钥配置已存在；请换一个名称。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Key configuration &quot;%1&quot; is used by %2; give those keys another configuration first.</source>
        <translation>密钥配置“%1”正被 %2 使用；请先为这些密钥指定其他配置。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigJson</name>
    <message>
        <location filename="../core/config/ConfigJson.cpp" line="+19"/>
        <source>a JSON array</source>
        <translation>JSON 数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be %2</source>
        <translation>“%1”必须是%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be a JSON array of %2 (item %3 is not)</source>
        <translation>“%1”必须是由%2组成的 JSON 数组（第 %3 项不是）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>strings</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; in &quot;%2&quot; must be %3</source>
        <translation>“%2”中的“%1”必须是%3</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigStore</name>
    <message>
        <location filename="../core/config/ConfigStore.cpp" line="+62"/>
        <source>The config is being changed by another Gatehouse process (pid %1); try again, or remove the lock file %2 if no Gatehouse is running.</source>
        <translation>另一个 Gatehouse 进程（PID %1）正在修改配置；请重试，若没有 Gatehouse 在运行，可删除锁文件 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The config is being changed by another Gatehouse process; try again, or remove the lock file %1 if no Gatehouse is running.</source>
        <translation>另一个 Gatehouse 进程正在修改配置；请重试，若没有 Gatehouse 在运行，可删除锁文件 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the lock file %1: permission denied.</source>
        <translation>无法创建锁文件 %1：权限不足。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot take the lock file %1.</source>
        <translation>无法获取锁文件 %1。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot create the config folder %1: %2</source>
        <translation>无法创建配置文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config folder %1 is not a folder.</source>
        <translation>配置文件夹 %1 不是文件夹。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot move %1 to %2: %3</source>
        <translation>无法将 %1 移动到 %2：%3</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot read the config file %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The config file %1 is larger than 16 MiB.</source>
        <translation>配置文件 %1 大于 16 MiB。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 at byte %2</source>
        <translation>%1（位于第 %2 字节）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the top level is not a JSON object</source>
        <translation>顶层不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file was left as it is.</source>
        <translation>文件保持原样。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy was kept at %1.</source>
        <translation>已在 %1 保留一份副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config file %1 cannot be used: %2. Gatehouse will not overwrite it; fix or remove it. %3</source>
        <translation>配置文件 %1 无法使用：%2。Gatehouse 不会覆盖它；请修复或删除它。%3</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConnectPage</name>
    <message>
        <location filename="../ui/ConnectPage.cpp" line="+223"/>
        <source>Snippets use the access &amp;key:</source>
        <translation>示例使用的访问密钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access key for the snippets</source>
        <translation>示例使用的访问密钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys are shown only once, when created, so the snippets read the key from the GATEHOUSE_API_KEY environment variable. Set it to the key you copied then.</source>
        <translation>密钥只在创建时显示一次，因此示例从环境变量 GATEHOUSE_API_KEY 读取密钥。请将其设置为你当时复制的密钥。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python · OpenAI</source>
        <translation>Python · OpenAI</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Codex</source>
        <translation>Codex</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Coding tools</source>
        <translation>编程工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect writes the tool&apos;s own settings file, so it works through Gatehouse with nothing else to set up. Each tool gets an access key of its own; everything else in its files stays as it is, and Disconnect undoes it.</source>
        <translation>“连接”会写入工具自己的设置文件，使其无需其他设置即可通过 Gatehouse 工作。每个工具都有自己的访问密钥；其文件中的其他内容保持不变，“断开连接”可撤消这些更改。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Any other tool or SDK</source>
        <translation>任何其他工具或 SDK</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Python · Anthropic</source>
        <translation>Python · Anthropic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node · OpenAI</source>
        <translation>Node · OpenAI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node · Anthropic</source>
        <translation>Node · Anthropic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemini CLI</source>
        <translation>Gemini CLI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama clients</source>
        <translation>Ollama 客户端</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no key yet: create one on the Access keys page</source>
        <translation>尚无密钥：请在“访问密钥”页面创建一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;OpenAI-compatible base URL&lt;/b&gt; (Chat Completions and the Responses API): %1/v1&lt;br&gt;&lt;b&gt;Anthropic and Gemini API base URL:&lt;/b&gt; %1&lt;br&gt;Name models as &lt;i&gt;provider:model&lt;/i&gt;, for example &lt;i&gt;my-ollama:llama3.2&lt;/i&gt;.</source>
        <translation>&lt;b&gt;OpenAI 兼容的基础 URL&lt;/b&gt;（Chat Completions 与 Responses API）：%1/v1&lt;br&gt;&lt;b&gt;Anthropic 与 Gemini API 的基础 URL：&lt;/b&gt;%1&lt;br&gt;模型名称写作 &lt;i&gt;提供方:模型&lt;/i&gt;，例如 &lt;i&gt;my-ollama:llama3.2&lt;/i&gt;。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Pick the model the tool should use, as provider:model or a route. Add a provider first if there is none.</source>
        <translation>选择该工具应使用的模型，格式为 提供方:模型 或路由。如果还没有提供方，请先添加一个。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Disconnect %1</source>
        <translation>断开 %1 的连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Gatehouse&apos;s settings out of %1&apos;s files and revoke its access key &quot;%2&quot;? The rest of the files stays as it is.</source>
        <translation>从 %1 的文件中移除 Gatehouse 的设置，并撤销其访问密钥“%2”？文件的其余内容保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>create an access key first, then set GATEHOUSE_API_KEY to it</source>
        <translation>请先创建访问密钥，然后将 GATEHOUSE_API_KEY 设置为该密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GATEHOUSE_API_KEY holds the access key &quot;%1&quot;</source>
        <translation>GATEHOUSE_API_KEY 保存访问密钥“%1”</translation>
    </message>
    <message>
        <location line="+56"/>
        <source># The Ollama API without a key listens on %1, with the models and limits of the key configuration &quot;%2&quot;.
</source>
        <translation># 无密钥的 Ollama API 在 %1 上监听，使用密钥配置“%2”的模型和限额。
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source># The Ollama API without a key is off. Turn it on in Settings, or:
gatehouse ollama-api enable --port %1
</source>
        <translation># 无密钥的 Ollama API 已关闭。请在设置中打开，或运行：
gatehouse ollama-api enable --port %1
</translation>
    </message>
</context>
<context>
    <name>gatehouse::ContinueConfigWiring</name>
    <message>
        <location filename="../core/connect/ContinueWiring.cpp" line="+155"/>
        <source>its models setting is not a list with one &quot;- &quot; item a line, which is the form Gatehouse adds its model to</source>
        <translation>其 models 设置不是每行一个 &quot;- &quot; 项的列表，而 Gatehouse 只能以这种形式添加其模型</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gatehouse could not add its model without changing other settings</source>
        <translation>Gatehouse 无法在不更改其他设置的情况下添加其模型</translation>
    </message>
</context>
<context>
    <name>gatehouse::DetailsWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+27"/>
        <source>Provider details</source>
        <translation>提供方详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the details and test the connection, then finish to save.</source>
        <translation>检查详情并测试连接，然后点击完成保存。</translation>
    </message>
</context>
<context>
    <name>gatehouse::EditProviderDialog</name>
    <message>
        <location filename="../ui/ProvidersPage.cpp" line="+57"/>
        <source>Edit provider %1</source>
        <translation>编辑提供方 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+45"/>
        <source>Export for a team gateway</source>
        <translation>导出到团队网关</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All routes</source>
        <translation>所有路由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Include the provider keys in clear text</source>
        <translation>以明文包含提供方密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route:</source>
        <translation>路由：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without the keys, the export names an environment variable or a secret for each provider&apos;s key.</source>
        <translation>不含密钥时，导出内容会为每个提供方的密钥指明一个环境变量或 Secret。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview (without keys):</source>
        <translation>预览（不含密钥）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the export</source>
        <translation>保存导出内容</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export the keys?</source>
        <translation>导出密钥？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file will hold your provider keys in clear text. Anyone who reads it can use your accounts. Keep it private and delete it once it is used.</source>
        <translation>该文件将以明文保存你的提供方密钥。任何读到它的人都能使用你的账户。请妥善保管，用完后删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export with keys</source>
        <translation>连同密钥导出</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The key of %1 could not be read from the keychain: %2</source>
        <translation>无法从钥匙串读取 %1 的密钥：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key configurations&apos; /key/generate requests are in %1.</source>
        <translation>密钥配置的 /key/generate 请求位于 %1。</translation>
    </message>
</context>
<context>
    <name>gatehouse::Exporter</name>
    <message>
        <location filename="../core/migrate/Exporter.cpp" line="+98"/>
        <source>Portkey gateway configs (JSON)</source>
        <translation>Portkey 网关配置（JSON）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LiteLLM proxy config.yaml</source>
        <translation>LiteLLM 代理 config.yaml</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoy AI Gateway resources (Kubernetes YAML)</source>
        <translation>Envoy AI Gateway 资源（Kubernetes YAML）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown format &quot;%1&quot;; use portkey, litellm or envoy-ai-gateway.</source>
        <translation>未知格式“%1”；请使用 portkey、litellm 或 envoy-ai-gateway。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown format.</source>
        <translation>未知格式。</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayRuntime</name>
    <message>
        <location filename="../core/gateway/GatewayRuntime.cpp" line="+129"/>
        <source>The request log cannot be written (%1); requests still count towards limits.</source>
        <translation>无法写入请求日志（%1）；请求仍计入限额。</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Provider &quot;%1&quot;: %2</source>
        <translation>提供方“%1”：%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="+26"/>
        <source>Import from another tool</source>
        <translation>从其他工具导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the file adds shows here: providers, models, routes, keys for the keychain, and everything that cannot be mapped.</source>
        <translation>此处显示该文件将添加的内容：提供方、模型、路由、存入钥匙串的密钥，以及所有无法对应的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration files (*.yaml *.yml *.json);;All files (*)</source>
        <translation>配置文件 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storing the keys in the keychain…</source>
        <translation>正在将密钥存入钥匙串…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported, but the keychain refused the keys: %1. Set them on the Providers page.</source>
        <translation>已导入，但钥匙串拒绝了密钥：%1。请在“提供方”页面设置。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Imported %n provider(s) and %1 route(s).</source>
        <translation>
            <numerusform>已导入 %n 个提供方和 %1 条路由。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::Importer</name>
    <message>
        <location filename="../core/migrate/Importer.cpp" line="+14"/>
        <source>Unknown format &quot;%1&quot;; use litellm, claude-code-router or continue.</source>
        <translation>未知格式“%1”；请使用 litellm、claude-code-router 或 continue。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>LiteLLM proxy config.yaml</source>
        <translation>LiteLLM 代理 config.yaml</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claude-code-router config.json</source>
        <translation>claude-code-router config.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue config.yaml</source>
        <translation>Continue config.yaml</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file is not valid YAML: %1</source>
        <translation>该文件不是有效的 YAML：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file does not have the expected shape: %1</source>
        <translation>该文件的结构不符合预期：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeyConfigDialog</name>
    <message>
        <location filename="../ui/KeyConfigDialog.cpp" line="+35"/>
        <source>Keep the &amp;bodies of requests and answers</source>
        <translation>保留请求和回答的内容(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save configuration</source>
        <translation>保存配置(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key configurations</source>
        <translation>密钥配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A configuration says what the access keys that use it may do. Keys without one use &quot;default&quot;; with no &quot;default&quot; defined, they may use every model without limits.</source>
        <translation>配置规定了使用它的访问密钥可以做什么。没有配置的密钥使用“default”；若未定义“default”，它们可以不受限制地使用所有模型。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Configurations</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Configuration name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed models</source>
        <translation>允许的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One pattern per line, e.g.
my-ollama:*
openai:gpt-4o*
fast
Empty: every model.</source>
        <translation>每行一个模式，例如
my-ollama:*
openai:gpt-4o*
fast
留空：所有模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Allowed models:</source>
        <translation>允许的模型(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Requests per minute</source>
        <translation>每分钟请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Requests per minute:</source>
        <translation>每分钟请求数(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens per day</source>
        <translation>每日令牌数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tokens per day (UTC):</source>
        <translation>每日令牌数（UTC）(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spend per month</source>
        <translation>每月花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priced from the model catalog; models without a price (your local ones) cost nothing.</source>
        <translation>按模型目录定价；没有价格的模型（你的本地模型）不计费。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;pend per month:</source>
        <translation>每月花费(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider keys</source>
        <translation>提供方密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bills to key</source>
        <translation>计费密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider &amp;keys:</source>
        <translation>提供方密钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off unless turned on. Bodies go to their own owner-only file, with access keys and provider keys blanked out, and are deleted after the days below.</source>
        <translation>默认关闭。内容保存在单独的、仅所有者可读的文件中，其中的访问密钥和提供方密钥会被抹去，并在下方设定的天数后删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days captured bodies are kept</source>
        <translation>捕获内容的保留天数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most kept of each body</source>
        <translation>每项内容最多保留</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Content capture:</source>
        <translation>内容捕获：</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Key of %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>main key</source>
        <translation>主密钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no provider has more than one key)</source>
        <translation>（没有提供方拥有多个密钥）</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Saved configuration &quot;%1&quot;.</source>
        <translation>已保存配置“%1”。</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeychainSecretStore</name>
    <message>
        <location filename="../core/secrets/KeychainSecretStore.cpp" line="+34"/>
        <location line="+22"/>
        <source>No keychain is available (%1). On Linux, Gatehouse needs a Secret Service such as GNOME Keyring or KWallet running in your session.</source>
        <translation>没有可用的钥匙串（%1）。在 Linux 上，Gatehouse 需要会话中运行 GNOME Keyring 或 KWallet 等 Secret Service。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The keychain refused access (%1). Unlock your keyring and try again.</source>
        <translation>钥匙串拒绝了访问（%1）。请解锁钥匙环后再试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keychain error: %1</source>
        <translation>钥匙串错误：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keyring is locked (%1). Unlock it and try again.</source>
        <translation>钥匙环已锁定（%1）。请解锁后再试。</translation>
    </message>
</context>
<context>
    <name>gatehouse::KindWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-442"/>
        <source>A model running on this &amp;machine or my network</source>
        <translation>在本机或我的网络中运行的模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;cloud provider (OpenAI, Anthropic, Gemini, …)</source>
        <translation>云服务提供方（OpenAI、Anthropic、Gemini 等）(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where does the model run?</source>
        <translation>模型在哪里运行？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gatehouse can look for model servers on this machine, or set up a cloud provider you have a key for.</source>
        <translation>Gatehouse 可以在本机查找模型服务器，或设置你拥有密钥的云服务提供方。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp server, LocalAI, Jan, GPT4All, or any OpenAI- or Anthropic-compatible server you run.</source>
        <translation>Ollama、LM Studio、vLLM、llama.cpp 服务器、LocalAI、Jan、GPT4All，或你运行的任何兼容 OpenAI 或 Anthropic 的服务器。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You paste an API key; it goes to the system keychain.</source>
        <translation>粘贴 API 密钥；它会存入系统钥匙串。</translation>
    </message>
</context>
<context>
    <name>gatehouse::LimitWatch</name>
    <message>
        <location filename="../ui/LimitWatch.cpp" line="+51"/>
        <source>%1 of %2 requests in the last minute</source>
        <translation>最近一分钟 %1 / %2 个请求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 tokens today</source>
        <translation>今日 %1 / %2 个令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 this month</source>
        <translation>本月 %1 / %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token limit reached</source>
        <translation>已达到令牌限额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Token limit almost reached</source>
        <translation>即将达到令牌限额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys of the configuration “%1” used %2 of their %3 tokens today.</source>
        <translation>密钥配置“%1”的密钥今日已使用 %2 个令牌（限额 %3 个）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spending limit reached</source>
        <translation>已达到支出限额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spending limit almost reached</source>
        <translation>即将达到支出限额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys of the configuration “%1” spent %2 of their %3 this month.</source>
        <translation>密钥配置“%1”的密钥本月已支出 %2（限额 %3）。</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+208"/>
        <source>Scan &amp;again</source>
        <translation>重新扫描(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model servers on this machine</source>
        <translation>本机上的模型服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers found at their usual ports. Pick one, or type the address of another server.</source>
        <translation>在常用端口上找到的服务器。选择一个，或输入其他服务器的地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Servers found</source>
        <translation>找到的服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other server URL</source>
        <translation>其他服务器 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://192.168.1.20:11434/v1</source>
        <translation>http://192.168.1.20:11434/v1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Other server URL:</source>
        <translation>其他服务器 URL(&amp;O)：</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Looking for model servers…</source>
        <translation>正在查找模型服务器…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no models loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n model(s): %1</source>
        <translation>
            <numerusform>%n 个模型：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No model server answered at the usual ports. Start one, then scan again, or type its URL below.</source>
        <translation>常用端口上没有模型服务器响应。请启动一个后重新扫描，或在下方输入其 URL。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Found %n server(s).</source>
        <translation>
            <numerusform>找到 %n 个服务器。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::LogsPage</name>
    <message>
        <location filename="../ui/LogsPage.cpp" line="+290"/>
        <source>Open in &amp;chat</source>
        <translation>在聊天中打开(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear…</source>
        <translation>清除(&amp;L)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+265"/>
        <source>Access key</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+261"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>499 (client left)</source>
        <translation>499（客户端已离开）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+248"/>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Any endpoint</source>
        <translation>任意端点</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Request detail</source>
        <translation>请求详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+201"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream events</source>
        <translation>流事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue this conversation in the chat, with any model</source>
        <translation>在聊天中继续此对话，可使用任意模型</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>What to clear</source>
        <translation>清除内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older than</source>
        <translation>早于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear requests before</source>
        <translation>清除此时间之前的请求</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear the log:</source>
        <translation>清除日志：</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Any key</source>
        <translation>任意密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any provider</source>
        <translation>任意提供方</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The request log could not be read: %1</source>
        <translation>无法读取请求日志：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No requests match.</source>
        <translation>没有匹配的请求。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pick a request to see how it went.</source>
        <translation>选择一个请求以查看其经过。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (streamed)</source>
        <translation>（流式）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model asked for</source>
        <translation>请求的模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First byte</source>
        <translation>首字节</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+1"/>
        <location line="+12"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 in (%2 cached) · %3 out (%4 reasoning)</source>
        <translation>输入 %1（缓存 %2）· 输出 %3（推理 %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Headers Gatehouse added</source>
        <translation>Gatehouse 添加的标头</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The captured bodies could not be read: %1</source>
        <translation>无法读取捕获的内容：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A body was longer than the capture limit and is cut short.</source>
        <translation>有内容超过捕获上限，已被截断。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bodies are not captured for this request. A key configuration can capture them (Access keys › Key configurations).</source>
        <translation>此请求的内容未被捕获。密钥配置可以捕获它们（访问密钥 › 密钥配置）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Delete every logged request from before %1? Captured bodies of those requests go too. This cannot be undone.</source>
        <translation>删除 %1 之前记录的所有请求？这些请求的捕获内容也会一并删除。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete every logged request and every captured body? This cannot be undone.</source>
        <translation>删除所有记录的请求和所有捕获的内容？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the request log</source>
        <translation>清除请求日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clearing…</source>
        <translation>正在清除…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The log could not be cleared: %1</source>
        <translation>无法清除日志：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed %n request(s).</source>
        <translation>
            <numerusform>已移除 %n 个请求。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+48"/>
        <source>&amp;Open Gatehouse</source>
        <translation>打开 Gatehouse(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause gateway</source>
        <translation>暂停网关(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+79"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Providers</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Access keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect your tools</source>
        <translation>连接你的工具</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+60"/>
        <source>Requests served: %1</source>
        <translation>已处理请求：%1</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Starting the gateway…</source>
        <translation>正在启动网关…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Gateway listening on %1 — tools use %1/v1</source>
        <translation>● 网关正在监听 %1 — 工具使用 %1/v1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>○ Gateway paused — tools get no answer until you resume it</source>
        <translation>○ 网关已暂停 — 恢复前工具不会得到回答</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Gateway problem: %1</source>
        <translation>⚠ 网关问题：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gatehouse — %1 — %2</source>
        <translation>Gatehouse — %1 — %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Gatehouse is still running</source>
        <translation>Gatehouse 仍在运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway keeps serving your tools. Open or quit Gatehouse from its icon in the tray.</source>
        <translation>网关会继续为你的工具提供服务。可通过托盘中的图标打开或退出 Gatehouse。</translation>
    </message>
</context>
<context>
    <name>gatehouse::MemorySecretStore</name>
    <message>
        <location filename="../core/secrets/MemorySecretStore.cpp" line="+22"/>
        <source>No secret stored for %1.</source>
        <translation>没有为 %1 保存密钥。</translation>
    </message>
</context>
<context>
    <name>gatehouse::MigrationPlan</name>
    <message>
        <location filename="../core/migrate/MigrationPlan.cpp" line="+34"/>
        <source>No providers to add.</source>
        <translation>没有要添加的提供方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider %1 (%2, %3)%4</source>
        <translation>提供方 %1（%2，%3）%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, key to the keychain</source>
        <translation>，密钥存入钥匙串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>models: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provider %1 exists already at that address; models added: %2</source>
        <translation>提供方 %1 已存在于该地址；已添加模型：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, retries %1</source>
        <translation>，重试 %1 次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, deadline %1 s</source>
        <translation>，截止时间 %1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route %1 (%2%3): %4</source>
        <translation>路由 %1（%2%3）：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key of %1 from %2 goes to the keychain.</source>
        <translation>%1 的密钥（来自%2）将存入钥匙串。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing key: %1</source>
        <translation>缺少密钥：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A provider named &quot;%1&quot; was added meanwhile; import again.</source>
        <translation>在此期间已添加了名为“%1”的提供方；请重新导入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The provider &quot;%1&quot; was removed meanwhile; import again.</source>
        <translation>在此期间提供方“%1”已被删除；请重新导入。</translation>
    </message>
</context>
<context>
    <name>gatehouse::NewKeyDialog</name>
    <message>
        <location filename="../ui/AccessKeysPage.cpp" line="-278"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access key &quot;%1&quot;</source>
        <translation>访问密钥“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your new access key. Give it to the tool that will call Gatehouse (as its OpenAI or Anthropic API key).</source>
        <translation>你的新访问密钥。把它交给将调用 Gatehouse 的工具（作为其 OpenAI 或 Anthropic API 密钥）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New access key</source>
        <translation>新访问密钥</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Copy it now: it will not be shown again.&lt;/b&gt; Gatehouse keeps only a hash of it. If it is lost, revoke it and create another.</source>
        <translation>&lt;b&gt;请立即复制：它不会再次显示。&lt;/b&gt;Gatehouse 只保存它的哈希。如果丢失，请撤销它并创建新的密钥。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaApiBox</name>
    <message>
        <location filename="../ui/OllamaApiBox.cpp" line="+16"/>
        <source>Ollama API without a key</source>
        <translation>无需密钥的 Ollama API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Serve Ollama&apos;s API on this machine, without an access key</source>
        <translation>在本机提供 Ollama API，无需访问密钥(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For apps that speak Ollama&apos;s API and send no key (Open WebUI, VS Code, JetBrains, ollama-js). Only programs on this machine reach it, with the models and limits of the key configuration below; its requests are logged as &quot;ollama-api&quot;.</source>
        <translation>供使用 Ollama API 且不发送密钥的应用（Open WebUI、VS Code、JetBrains、ollama-js）。只有本机上的程序可以访问，使用下方密钥配置的模型和限制；其请求以“ollama-api”记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ollama API port</source>
        <translation>Ollama API 端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama itself uses 11434; pick that only when Ollama does not run here.</source>
        <translation>Ollama 本身使用 11434；仅当本机未运行 Ollama 时才选择它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key configuration:</source>
        <translation>密钥配置(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key configuration of the Ollama API</source>
        <translation>Ollama API 的密钥配置</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Listening on http://127.0.0.1:%1; point Ollama clients there.</source>
        <translation>正在监听 http://127.0.0.1:%1；请将 Ollama 客户端指向该地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved. The gateway serves the Ollama API on port %1 now.</source>
        <translation>已保存。网关现在在端口 %1 上提供 Ollama API。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. The gateway closes the Ollama API&apos;s port now.</source>
        <translation>已保存。网关现在关闭 Ollama API 的端口。</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaInspector</name>
    <message>
        <location filename="../core/discovery/OllamaInspector.cpp" line="+42"/>
        <source>%1 answered with more than %2 MB.</source>
        <translation>%1 的回答超过 %2 MB。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 answered HTTP %2%3</source>
        <translation>%1 返回 HTTP %2%3</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaModelsPanel</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-275"/>
        <source>Add it by Ollama&apos;s own API: model details reach your tools, and Ollama&apos;s options pass through</source>
        <translation>通过 Ollama 自己的 API 添加：模型详情可传给你的工具，Ollama 的选项也会原样传递</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add it by its OpenAI-compatible API (/v1)</source>
        <translation>通过其 OpenAI 兼容 API（/v1）添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pull</source>
        <translation>拉取(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel pull</source>
        <translation>取消拉取</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Models on this Ollama server</source>
        <translation>此 Ollama 服务器上的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size · parameters · quantization · context</source>
        <translation>大小 · 参数 · 量化 · 上下文</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Model to pull</source>
        <translation>要拉取的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example llama3.2 or qwen2.5-coder:7b</source>
        <translation>例如 llama3.2 或 qwen2.5-coder:7b</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Models on this Ollama server:</source>
        <translation>此 Ollama 服务器上的模型：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pull a &amp;model:</source>
        <translation>拉取模型(&amp;M)：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pulled %1.</source>
        <translation>已拉取 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The pull of %1 was cancelled.</source>
        <translation>%1 的拉取已取消。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Family: %1</source>
        <translation>系列：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded now, %1 in GPU memory</source>
        <translation>当前已加载，占用 %1 显存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded now</source>
        <translation>当前已加载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unloads at %1</source>
        <translation>将于 %1 卸载</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server has no models yet; pull one below.</source>
        <translation>此服务器还没有模型；请在下方拉取一个。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The context length and capabilities of %n model(s) were not read, to keep the scan short.</source>
        <translation>
            <numerusform>为缩短扫描时间，未读取 %n 个模型的上下文长度和能力。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Asking Ollama for %1…</source>
        <translation>正在向 Ollama 请求 %1…</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaPull</name>
    <message>
        <location filename="../core/discovery/OllamaPull.cpp" line="+24"/>
        <source>%1: %2 of %3 (%4%)</source>
        <translation>%1：%2 / %3（%4%）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the name of a model to pull, for example llama3.2.</source>
        <translation>请输入要拉取的模型名称，例如 llama3.2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a model name Ollama knows; names look like llama3.2 or qwen2.5-coder:7b.</source>
        <translation>“%1”不是 Ollama 认识的模型名称；名称形如 llama3.2 或 qwen2.5-coder:7b。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A model is being pulled already; wait for it or cancel it.</source>
        <translation>已有模型正在拉取；请等待或取消。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Ollama sent a progress line longer than %1 kB while pulling &quot;%2&quot;.</source>
        <translation>拉取“%2”时 Ollama 发送了超过 %1 kB 的进度行。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+38"/>
        <source>Ollama could not pull &quot;%1&quot;: %2</source>
        <translation>Ollama 无法拉取“%1”：%2</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 was not found; is this an Ollama server?</source>
        <translation>未找到 %1；这是 Ollama 服务器吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ollama answered HTTP %1 to the pull of &quot;%2&quot;.</source>
        <translation>Ollama 对拉取“%2”返回了 HTTP %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pull of &quot;%1&quot; ended before Ollama reported success.</source>
        <translation>“%1”的拉取在 Ollama 报告成功之前就结束了。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ollama sent a progress line that is not JSON while pulling &quot;%1&quot;.</source>
        <translation>拉取“%1”时 Ollama 发送了非 JSON 的进度行。</translation>
    </message>
</context>
<context>
    <name>gatehouse::PlanBuilder</name>
    <message>
        <location filename="../core/migrate/MigrationPlan.cpp" line="+62"/>
        <source>%1: the URL %2 is refused: %3</source>
        <translation>%1：URL %2 被拒绝：%3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: the provider %2 exists already at %3 and keeps its own key; set another with: gatehouse provider set-key %2</source>
        <translation>%1：提供方 %2 已存在于 %3，并保留其自己的密钥；如需设置其他密钥，请使用：gatehouse provider set-key %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 takes its key from $%2, which is not set now; set it with: printenv %2 | gatehouse provider set-key %1</source>
        <translation>%1 的密钥取自 $%2，但该变量当前未设置；请使用以下命令设置：printenv %2 | gatehouse provider set-key %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no key in the file; set it with: gatehouse provider set-key %1</source>
        <translation>%1 在文件中没有密钥；请使用以下命令设置：gatehouse provider set-key %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: no candidate could be imported, so the route &quot;%2&quot; is left out.</source>
        <translation>%1：没有可导入的候选项，因此略去路由“%2”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the route &quot;%2&quot; exists already as it is.</source>
        <translation>%1：路由“%2”已以相同形式存在。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the route &quot;%2&quot; is named &quot;%3&quot; (the name was taken or not valid).</source>
        <translation>%1：路由“%2”被命名为“%3”（原名称已被占用或无效）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>gatehouse::Provider</name>
    <message>
        <location filename="../core/config/Provider.cpp" line="+84"/>
        <source>A provider speaks at least one API surface (%1).</source>
        <translation>提供方至少要支持一种 API（%1）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a valid provider id: use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit.</source>
        <translation>“%1”不是有效的提供方 ID：请使用 1 到 40 个小写字母、数字和短横线，并以字母或数字开头。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Header &quot;%1&quot; must look like &quot;Name: value&quot;.</source>
        <translation>请求头“%1”的格式必须是“Name: value”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Header name &quot;%1&quot; contains characters not allowed in HTTP header names.</source>
        <translation>请求头名称“%1”包含 HTTP 请求头名称中不允许的字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value of header &quot;%1&quot; contains a line break.</source>
        <translation>请求头“%1”的值包含换行符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header &quot;%1&quot; cannot be set: connection headers are set by Gatehouse.</source>
        <translation>无法设置请求头“%1”：连接相关的请求头由 Gatehouse 设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header &quot;%1&quot; carries a credential and is kept only in the keychain, never in the config file.</source>
        <translation>请求头“%1”包含凭据，只保存在钥匙串中，绝不写入配置文件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a valid key label: use 1 to 40 lower-case letters, digits and dashes.</source>
        <translation>“%1”不是有效的密钥标签：请使用 1 到 40 个小写字母、数字和短横线。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Provider &quot;%1&quot; lists an empty model name or one with surrounding spaces.</source>
        <translation>提供方“%1”列出了空的模型名称或两端带空格的名称。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Provider &quot;%1&quot;: &quot;%2&quot; cannot be a secret header.</source>
        <translation>提供方“%1”：“%2”不能作为机密请求头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider &quot;%1&quot;: &quot;%2&quot; cannot be a secret query parameter.</source>
        <translation>提供方“%1”：“%2”不能作为机密 URL 参数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provider &quot;%1&quot; speaks no API surface.</source>
        <translation>提供方“%1”没有支持的 API。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider &quot;%1&quot; has a timeout that is not positive.</source>
        <translation>提供方“%1”的超时时间不是正数。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>a provider without id</source>
        <translation>没有 ID 的提供方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>provider &quot;%1&quot;</source>
        <translation>提供方“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In %1: %2</source>
        <translation>在 %1 中：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;baseUrl&quot; must be a string.</source>
        <translation>“baseUrl”必须是字符串。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+3"/>
        <source>&quot;models&quot; must be a list of strings.</source>
        <translation>“models”必须是字符串列表。</translation>
    </message>
    <message>
        <location filename="../core/config/ApiSurface.h" line="+38"/>
        <source>OpenAI Chat Completions</source>
        <translation>OpenAI Chat Completions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat Completions</source>
        <translation>Chat Completions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenAI Responses</source>
        <translation>OpenAI Responses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Anthropic Messages</source>
        <translation>Anthropic Messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama API</source>
        <translation>Ollama API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Gemini API</source>
        <translation>Google Gemini API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemini</source>
        <translation>Gemini</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unknown API surface &quot;%1&quot;; use %2.</source>
        <translation>未知的 API“%1”；请使用 %2。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderForm</name>
    <message>
        <location filename="../ui/ProviderForm.cpp" line="+22"/>
        <source>Pass any model name through</source>
        <translation>允许任何模型名称通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provider id</source>
        <translation>提供方 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example my-ollama</source>
        <translation>例如 my-ollama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tools name models as id:model, for example my-ollama:llama3.2. Lower-case letters, digits and dashes.</source>
        <translation>工具以 id:模型 的形式指定模型，例如 my-ollama:llama3.2。只能使用小写字母、数字和短横线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Id:</source>
        <translation>ID(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base &amp;URL:</source>
        <translation>基础 URL(&amp;U)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;APIs:</source>
        <translation>API(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Provider API key</source>
        <translation>提供方 API 密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Key:</source>
        <translation>密钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored in the system keychain, never in a file.</source>
        <translation>保存在系统钥匙串中，从不写入文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any model name is sent on, and the models the provider reports are listed to tools. Uncheck to offer only the models ticked below.</source>
        <translation>任何模型名称都会被转发，提供方报告的模型会列给工具。取消勾选则只提供下方勾选的模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models to offer</source>
        <translation>要提供的模型</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>已保存在钥匙串中；输入以替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None; type one to store it</source>
        <translation>无；输入一个以保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste your API key</source>
        <translation>粘贴你的 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: most local servers need none</source>
        <translation>可选：大多数本地服务器不需要</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A provider with the id &quot;%1&quot; exists already; pick another id.</source>
        <translation>ID 为“%1”的提供方已存在；请换一个 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the provider&apos;s base URL.</source>
        <translation>请输入提供方的基础 URL。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tick at least one API the provider speaks.</source>
        <translation>请至少勾选一种该提供方支持的 API。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least one model, or let any model name through.</source>
        <translation>请至少勾选一个模型，或允许任何模型名称通过。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This provider needs an API key; paste it first.</source>
        <translation>此提供方需要 API 密钥；请先粘贴。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 查询模型…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected. The provider lists no models.</source>
        <translation>已连接。提供方没有列出模型。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Connected. %n model(s) available.</source>
        <translation>
            <numerusform>已连接。有 %n 个模型可用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server also answers the OpenAI Responses API, so Codex and other Responses clients reach it without translation.</source>
        <translation>该服务器也支持 OpenAI Responses API，Codex 等 Responses 客户端无需转换即可访问。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderProbe</name>
    <message>
        <location filename="../core/discovery/ProviderProbe.cpp" line="+75"/>
        <source>%1 answered with more than a model list; is this the API&apos;s base URL?</source>
        <translation>%1 返回的内容超出了模型列表；这是 API 的基础 URL 吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 answered HTTP %2%3</source>
        <translation>%1 返回 HTTP %2%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not answer with a model list; is this the API&apos;s base URL?</source>
        <translation>%1 没有返回模型列表；这是 API 的基础 URL 吗？</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProvidersPage</name>
    <message>
        <location filename="../ui/ProvidersPage.cpp" line="+21"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+162"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;all</source>
        <translation>全部检查(&amp;A)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Providers</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ask every enabled provider whether it answers, and refresh their model lists.</source>
        <translation>询问每个已启用的提供方是否响应，并刷新其模型列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Models and last check:</source>
        <translation>模型与上次检查(&amp;M)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider details</source>
        <translation>提供方详情</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>in keychain</source>
        <translation>在钥匙串中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reachable</source>
        <translation>可访问</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreachable</source>
        <translation>不可访问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked %1</source>
        <translation>检查于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+78"/>
        <location line="+52"/>
        <source>Last hour: %1</source>
        <translation>最近 1 小时：%1</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Keychain problem: %1
Provider keys stay only in the system keychain. Unlock it or start a Secret Service (GNOME Keyring, KWallet), then restart Gatehouse.</source>
        <translation>钥匙串问题：%1
提供方密钥只保存在系统钥匙串中。请解锁它或启动 Secret Service（GNOME Keyring、KWallet），然后重新启动 Gatehouse。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No providers yet. Choose Add… to connect a model running on this machine or a cloud provider.</source>
        <translation>还没有提供方。选择“添加…”来连接本机运行的模型或云服务提供方。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Offers: any model name (sent on as is)</source>
        <translation>提供：任何模型名称（原样转发）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offers:</source>
        <translation>提供：</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Reachable (checked %1). It reports %n model(s):</source>
        <translation>
            <numerusform>可访问（检查于 %1）。报告了 %n 个模型：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unreachable (checked %1):</source>
        <translation>不可访问（检查于 %1）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked yet. Test connection asks the provider for its models.</source>
        <translation>尚未检查。“测试连接”会向提供方查询其模型。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cooling off until %1</source>
        <translation>冷却至 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no requests</source>
        <translation>无请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 request</source>
        <translation>1 个请求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 requests</source>
        <translation>%1 个请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % errors</source>
        <translation>%1 % 错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first byte p50 %1 ms, p95 %2 ms</source>
        <translation>首字节 p50 %1 ms，p95 %2 ms</translation>
    </message>
    <message>
        <location line="+189"/>
        <location line="+29"/>
        <source>Cannot save the provider</source>
        <translation>无法保存提供方</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+56"/>
        <source>The provider &quot;%1&quot; no longer exists.</source>
        <translation>提供方“%1”已不存在。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The credentials could not be stored</source>
        <translation>无法保存凭据</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The key could not be stored</source>
        <translation>无法保存密钥</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot change the provider</source>
        <translation>无法更改提供方</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove provider</source>
        <translation>删除提供方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the provider &quot;%1&quot; and its key in the keychain? Tools that name %1:… models will get errors.</source>
        <translation>删除提供方“%1”及其在钥匙串中的密钥？使用 %1:… 模型的工具将收到错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot remove the provider</source>
        <translation>无法删除提供方</translation>
    </message>
</context>
<context>
    <name>gatehouse::QwenSettingsWiring</name>
    <message>
        <location filename="../core/connect/QwenCodeWiring.cpp" line="+97"/>
        <source>modelProviders.openai is not a list of models</source>
        <translation>modelProviders.openai 不是模型列表</translation>
    </message>
</context>
<context>
    <name>gatehouse::RequestLogModel</name>
    <message>
        <location filename="../ui/LogsPage.cpp" line="-483"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model asked for</source>
        <translation>请求的模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered by</source>
        <translation>应答方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFB ms</source>
        <translation>TTFB 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <translation>总计毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens in / out</source>
        <translation>输入 / 输出令牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>gatehouse::RoutingPage</name>
    <message>
        <location filename="../ui/RoutingPage.cpp" line="+38"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save route</source>
        <translation>保存路由(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete route…</source>
        <translation>删除路由(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New route</source>
        <translation>新建路由(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A route gives a name to an ordered list of models. Tools ask for the name; Gatehouse tries the candidates in turn when one fails (no connection, timeout, 429, 5xx), before any of the answer has been sent.</source>
        <translation>路由为一组有序的模型命名。工具请求该名称；当某个候选项失败（无连接、超时、429、5xx）且尚未发送任何回答内容时，Gatehouse 会依次尝试下一个候选项。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Whose routes</source>
        <translation>路由归属</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A key configuration&apos;s own routes come before the routes for all keys, for the keys that use it.</source>
        <translation>对使用某个密钥配置的密钥而言，该配置自己的路由优先于适用于所有密钥的路由。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route name</source>
        <translation>路由名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fast, coder, or a model such as openai:gpt-4o</source>
        <translation>fast、coder，或 openai:gpt-4o 之类的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In order: the first, then the next on failure</source>
        <translation>按顺序：先用第一个，失败时用下一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round robin: each request starts one further</source>
        <translation>轮询：每个请求从下一个开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weighted: the first drawn by weight</source>
        <translation>加权：按权重抽取第一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lowest latency: the fastest recently first</source>
        <translation>最低延迟：最近最快的优先</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;trategy:</source>
        <translation>策略(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Candidates, in order (drag to reorder):</source>
        <translation>候选项，按顺序（拖动以重新排序）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Candidates</source>
        <translation>候选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model to add</source>
        <translation>要添加的模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>provider:model</source>
        <translation>提供方:模型</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Retries</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra tries of the same candidate (after its retry-after, or a short backoff) before moving on.</source>
        <translation>在转到下一个之前，对同一候选项的额外尝试次数（在其 retry-after 或短暂退避之后）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retries per candidate:</source>
        <translation>每个候选项的重试次数(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time for all attempts together, until the first byte arrives.</source>
        <translation>所有尝试合计的时间，直到收到第一个字节。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dead&amp;line:</source>
        <translation>截止时间(&amp;L)：</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Routes for all keys</source>
        <translation>适用于所有密钥的路由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routes of key configuration &quot;%1&quot;</source>
        <translation>密钥配置“%1”的路由</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 is a candidate already.</source>
        <translation>%1 已是候选项。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Saved. Tools can ask for the model &quot;%1&quot; now.</source>
        <translation>已保存。工具现在可以请求模型“%1”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete route</source>
        <translation>删除路由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the route &quot;%1&quot;? Tools that ask for it will get an error.</source>
        <translation>删除路由“%1”？请求它的工具将收到错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>gatehouse::SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="+26"/>
        <source>&amp;Apply and restart the gateway</source>
        <translation>应用并重启网关(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Gatehouse when I &amp;log in</source>
        <translation>登录时启动 Gatehouse(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>启动时最小化到托盘(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell me in the &amp;tray when keys near or reach a token or spending limit</source>
        <translation>密钥接近或达到令牌或支出限额时在托盘中通知我(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bind address</source>
        <translation>绑定地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 keeps the gateway to this machine.</source>
        <translation>127.0.0.1 使网关仅限本机访问。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bind address:</source>
        <translation>绑定地址(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only 127.0.0.1 (this machine) is safe by default. Another address lets other machines reach your models with an access key, unencrypted.</source>
        <translation>默认只有 127.0.0.1（本机）是安全的。其他地址会让其他计算机凭访问密钥以未加密方式访问你的模型。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start-up</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Gatehouse will start when you log in.</source>
        <translation>登录时将启动 Gatehouse。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gatehouse will not start when you log in.</source>
        <translation>登录时不会启动 Gatehouse。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The language changes the next time Gatehouse starts.</source>
        <translation>语言将在 Gatehouse 下次启动时更改。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&quot;%1&quot; is not an IP address. Use 127.0.0.1 for this machine only.</source>
        <translation>“%1”不是 IP 地址。仅限本机请使用 127.0.0.1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave this machine?</source>
        <translation>要对本机以外开放吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on %1 lets other machines on the network reach your models. Requests still need an access key, but they travel unencrypted. Continue?</source>
        <translation>在 %1 上监听会让网络中的其他计算机访问你的模型。请求仍需访问密钥，但以未加密方式传输。继续吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listen on %1</source>
        <translation>在 %1 上监听</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved. The gateway restarts on %1 port %2.</source>
        <translation>已保存。网关将在 %1 的端口 %2 上重启。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ToolCard</name>
    <message>
        <location filename="../ui/ConnectPage.cpp" line="-423"/>
        <source>Model for %1</source>
        <translation>%1 的模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Small model for %1</source>
        <translation>%1 的小模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+97"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Gemini CLI reads these settings only in folders you trust (it asks the first time it starts in one).</source>
        <translation>Gemini CLI 只在你信任的文件夹中读取这些设置（首次在某个文件夹中启动时会询问）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Small model:</source>
        <translation>小模型：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For quick background tasks; empty: the main model</source>
        <translation>用于快速的后台任务；留空则使用主模型</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not found on this machine</source>
        <translation>本机上未找到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set up for %1, but not by this Gatehouse</source>
        <translation>已为 %1 设置，但不是由此 Gatehouse 设置的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>small model: %1</source>
        <translation>小模型：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writes %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This version of Gatehouse cannot set up %1 yet</source>
        <translation>此版本的 Gatehouse 还不能设置 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ToolConnector</name>
    <message>
        <location filename="../core/connect/ToolConnector.cpp" line="+40"/>
        <location line="+59"/>
        <location line="+107"/>
        <source>&quot;%1&quot; is not a tool Gatehouse knows.</source>
        <translation>“%1”不是 Gatehouse 认识的工具。</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+107"/>
        <source>Gatehouse cannot connect %1 yet.</source>
        <translation>Gatehouse 还不能连接 %1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The copy of %1 from before Connect is missing from %2.</source>
        <translation>%2 中缺少 %1 在连接前的副本。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot remove it</source>
        <translation>%1：无法删除</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Give a model: a route or PROVIDER:MODEL.</source>
        <translation>请指定模型：路由或 提供方:模型。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is neither a route nor PROVIDER:MODEL of a configured provider.</source>
        <translation>“%1”既不是路由，也不是已配置提供方的 提供方:模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No provider &quot;%1&quot; is configured (in &quot;%2&quot;).</source>
        <translation>未配置提供方“%1”（在“%2”中）。</translation>
    </message>
</context>
<context>
    <name>gatehouse::UrlPolicy</name>
    <message>
        <location filename="../core/config/UrlPolicy.cpp" line="+55"/>
        <source>The base URL is empty.</source>
        <translation>基础 URL 为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>“%1”不是有效的 URL：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must start with https:// (or http:// for a server on this machine or your own network).</source>
        <translation>“%1”必须以 https:// 开头（本机或你自己网络中的服务器可使用 http://）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; names no host.</source>
        <translation>“%1”没有指定主机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; contains a user name or password. Remove it and store the provider key in the keychain instead, so it is never written to disk in clear.</source>
        <translation>“%1”包含用户名或密码。请删除它们，改为把提供方密钥保存在钥匙串中，这样它永远不会以明文写入磁盘。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must not contain a #fragment.</source>
        <translation>“%1”不能包含 #片段。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; uses plain http:// to a public host, which would send your prompts and keys unencrypted over the internet. Use https://, or http:// only for this machine (localhost, 127.0.0.1), a private address (10.x, 172.16-31.x, 192.168.x) or a local name ending in .local, .lan, .internal or .home.arpa.</source>
        <translation>“%1”使用明文 http:// 连接公共主机，这会让你的提示词和密钥未加密地经过互联网。请使用 https://；只有本机（localhost、127.0.0.1）、私有地址（10.x、172.16-31.x、192.168.x）或以 .local、.lan、.internal、.home.arpa 结尾的本地名称才能使用 http://。</translation>
    </message>
</context>
<context>
    <name>gatehouse::UsagePage</name>
    <message>
        <location filename="../ui/UsagePage.cpp" line="+89"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <location line="+27"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+4"/>
        <location line="+28"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+7"/>
        <source>Input tokens</source>
        <translation>输入令牌</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Output tokens</source>
        <translation>输出令牌</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+33"/>
        <source>Cost (USD)</source>
        <translation>费用 (USD)</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First byte p50 (ms)</source>
        <translation>首字节 p50 (ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First byte p95 (ms)</source>
        <translation>首字节 p95 (ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the cloud price (USD)</source>
        <translation>按云端价格 (USD)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stacked by provider</source>
        <translation>按提供方堆叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked by model</source>
        <translation>按模型堆叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked by key</source>
        <translation>按密钥堆叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket</source>
        <translation>时间粒度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacking</source>
        <translation>堆叠方式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Time to first byte per provider</source>
        <translation>各提供方的首字节时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Local models&lt;/b&gt;</source>
        <translation>&lt;b&gt;本地模型&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with the cloud &amp;model:</source>
        <translation>与云端模型比较(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud model to compare with</source>
        <translation>用于比较的云端模型</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The request log could not be read: %1</source>
        <translation>无法读取请求日志：%1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>hour starting (local time)</source>
        <translation>小时起点（本地时间）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>milliseconds</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No tokens were used in this time range.</source>
        <translation>此时间范围内未使用任何令牌。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local models answered %1 % of the tokens (%2 of %3). At the price of %4 they would have cost $%5.</source>
        <translation>本地模型回答了 %1 % 的令牌（%3 个中的 %2 个）。按 %4 的价格计算，它们本应花费 $%5。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+3"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>gatehouse::WelcomeDialog</name>
    <message>
        <location filename="../ui/WelcomeDialog.cpp" line="+52"/>
        <source>&amp;Add selected</source>
        <translation>添加所选项(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;cloud provider…</source>
        <translation>添加云服务提供方(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect your tools…</source>
        <translation>连接你的工具(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not now</source>
        <translation>以后再说(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Welcome to Gatehouse</source>
        <translation>欢迎使用 Gatehouse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse gives your coding tools one address on this machine for the models you run yourself and the cloud providers you pay for. Start by adding a model.</source>
        <translation>Gatehouse 为你的编程工具在本机提供一个统一地址，用于访问你自己运行的模型和你付费使用的云服务提供方。请先添加一个模型。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model servers found on this machine</source>
        <translation>在本机上找到的模型服务器</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connect your tools</source>
        <translation>连接你的工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse can point Claude Code, Codex CLI, opencode, Gemini CLI, Qwen Code and Continue at itself by editing their own settings files, each with an access key of its own. Everything else in those files stays as it is, and Disconnect undoes it.</source>
        <translation>Gatehouse 可以通过编辑 Claude Code、Codex CLI、opencode、Gemini CLI、Qwen Code 和 Continue 自己的设置文件，让它们指向 Gatehouse，每个工具都使用自己的访问密钥。这些文件中的其他内容保持不变，“断开连接”可撤消这些更改。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Looking for model servers on this machine…</source>
        <translation>正在本机上查找模型服务器…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No model server answered on this machine (Ollama, LM Studio, vLLM, llama.cpp, LocalAI, Jan, GPT4All at their usual ports). Add a cloud provider, or skip and add one later from the Providers page.</source>
        <translation>本机上没有模型服务器响应（Ollama、LM Studio、vLLM、llama.cpp、LocalAI、Jan、GPT4All 的常用端口）。请添加云服务提供方，或跳过，稍后在“提供方”页面添加。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found on this machine; add what you want to use:</source>
        <translation>在本机上找到；请添加你要使用的：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on this machine (%2), with no model yet: add it?</source>
        <translation>本机上的 %1（%2），还没有模型：要添加吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 on this machine (%2) with %n model(s): add it?</source>
        <translation>
            <numerusform>本机上的 %1（%2），有 %n 个模型：要添加吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Could not add: %1</source>
        <translation>无法添加：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>None of these tools was found on this machine yet; the Connect page also shows how to point any other tool or SDK here.</source>
        <translation>本机上尚未找到这些工具；“连接”页面还介绍了如何让其他任何工具或 SDK 指向这里。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found on this machine: %1.</source>
        <translation>在本机上找到：%1。</translation>
    </message>
</context>
<context>
    <name>gatehouse::wiring</name>
    <message>
        <location filename="../core/connect/WiringEdits.cpp" line="+33"/>
        <source>line %1: %2 (comments and trailing commas are not JSON)</source>
        <translation>第 %1 行：%2（注释和末尾逗号不属于 JSON）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file holds no JSON object</source>
        <translation>该文件不包含 JSON 对象</translation>
    </message>
</context>
</TS>
