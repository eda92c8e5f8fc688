<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccessKeys</name>
    <message>
        <location filename="../core/config/AccessKey.cpp" line="+35"/>
        <source>In access key &quot;%1&quot;: %2</source>
        <translation>Im Zugangsschlüssel „%1“: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Access key &quot;%1&quot; has no valid sha256 hash.</source>
        <translation>Zugangsschlüssel „%1“ hat keinen gültigen SHA-256-Hash.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;%1&quot; is not a valid key name: use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>„%1“ ist kein gültiger Schlüsselname: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../core/catalog/Catalog.cpp" line="+33"/>
        <source>The model catalog is not valid JSON: %1</source>
        <translation>Der Modellkatalog ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The model catalog has a bad entry &quot;%1&quot;.</source>
        <translation>Der Modellkatalog enthält einen fehlerhaften Eintrag „%1“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The model catalog has a bad model in &quot;%1&quot;.</source>
        <translation>Der Modellkatalog enthält ein fehlerhaftes Modell in „%1“.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot read the catalog file %1: %2</source>
        <translation>Die Katalogdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1: %2</source>
        <translation>In %1: %2</translation>
    </message>
</context>
<context>
    <name>GatewayService</name>
    <message>
        <location filename="../core/gateway/GatewayService.cpp" line="+78"/>
        <source>The Ollama API cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>Die Ollama-API kann nicht auf 127.0.0.1 Port %1 lauschen: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>KeychainAdvice</name>
    <message>
        <location filename="../ui/KeychainAdvice.h" line="+14"/>
        <source>No system keychain is available (%1). Gatehouse keeps provider keys only in the keychain and never in a file. Install and start a Secret Service such as GNOME Keyring or KWallet, log in again, and retry. Nothing was saved.</source>
        <translation>Kein Systemschlüsselbund verfügbar (%1). Gatehouse speichert Anbieterschlüssel nur im Schlüsselbund und nie in einer Datei. Installieren und starten Sie einen Secret Service wie GNOME Keyring oder KWallet, melden Sie sich neu an und versuchen Sie es erneut. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keychain refused access or is locked (%1). Unlock it (your desktop&apos;s keyring or password manager) and retry. Nothing was saved.</source>
        <translation>Der Systemschlüsselbund hat den Zugriff verweigert oder ist gesperrt (%1). Entsperren Sie ihn (den Schlüsselbund oder Passwortmanager Ihres Desktops) und versuchen Sie es erneut. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain reported an error: %1. Nothing was saved.</source>
        <translation>Der Systemschlüsselbund meldete einen Fehler: %1. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../core/discovery/ModelFacts.cpp" line="+38"/>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in / %2 out per 1M tokens</source>
        <translation>%1 Eingabe / %2 Ausgabe pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 context</source>
        <translation>%1 Kontext</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
</context>
<context>
    <name>ModelReference</name>
    <message>
        <location filename="../core/config/ModelReference.cpp" line="+16"/>
        <source>The model name is empty.</source>
        <translation>Der Modellname ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model name &quot;%1&quot; has leading or trailing spaces.</source>
        <translation>Der Modellname „%1“ hat Leerzeichen am Anfang oder Ende.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model name contains a control character.</source>
        <translation>Der Modellname enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; names no provider before the colon; use provider:model.</source>
        <translation>„%1“ nennt keinen Anbieter vor dem Doppelpunkt; verwenden Sie anbieter:modell.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; names no model after the colon; use provider:model.</source>
        <translation>„%1“ nennt kein Modell nach dem Doppelpunkt; verwenden Sie anbieter:modell.</translation>
    </message>
</context>
<context>
    <name>OllamaApiSettings</name>
    <message>
        <location filename="../core/config/OllamaApiSettings.cpp" line="+36"/>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>„%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must be a port number from 1 to 65535.</source>
        <translation>„%1“ muss eine Portnummer von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; must be the name of a key configuration.</source>
        <translation>„%1“ muss der Name einer Schlüsselkonfiguration sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is needed while the Ollama API listener is enabled: a port number from 1 to 65535.</source>
        <translation>„%1“ ist nötig, solange die Ollama-API eingeschaltet ist: eine Portnummer von 1 bis 65535.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Port %1 is the gateway&apos;s own port; the Ollama API needs a port of its own.</source>
        <translation>Port %1 ist der eigene Port des Gateways; die Ollama-API braucht einen eigenen Port.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no key configuration &quot;%1&quot;; create it first, or use &quot;default&quot;.</source>
        <translation>Es gibt keine Schlüsselkonfiguration „%1“; legen Sie sie zuerst an oder verwenden Sie „default“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pick a port for the Ollama API, for example %1.</source>
        <translation>Wählen Sie einen Port für die Ollama-API, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Port %1 on 127.0.0.1 is in use by another program (Ollama itself listens on 11434); pick another port.</source>
        <translation>Port %1 auf 127.0.0.1 wird von einem anderen Programm benutzt (Ollama selbst lauscht auf 11434); wählen Sie einen anderen Port.</translation>
    </message>
</context>
<context>
    <name>OllamaModel</name>
    <message>
        <location filename="../core/discovery/OllamaModel.cpp" line="+39"/>
        <source>The answer to %1 is not a JSON object.</source>
        <translation>Die Antwort auf %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The answer to %1 has no &quot;models&quot; list.</source>
        <translation>Die Antwort auf %1 hat keine „models“-Liste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer to %1 lists more than %2 models.</source>
        <translation>Die Antwort auf %1 nennt mehr als %2 Modelle.</translation>
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
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 context</source>
        <translation>%1 Kontext</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/DesktopApp.cpp" line="+71"/>
        <source>Gatehouse cannot start</source>
        <translation>Gatehouse kann nicht starten</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <location filename="../core/config/Routing.cpp" line="+44"/>
        <source>Unknown strategy &quot;%1&quot;; use in-order, round-robin, weighted or lowest-latency.</source>
        <translation>Unbekannte Strategie „%1“; verwenden Sie in-order, round-robin, weighted oder lowest-latency.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&quot;%1&quot; is not a valid route name: use an alias of letters, digits, dots, dashes, slashes or underscores, or a provider:model reference.</source>
        <translation>„%1“ ist kein gültiger Routenname: Verwenden Sie einen Alias aus Buchstaben, Ziffern, Punkten, Binde-, Schräg- oder Unterstrichen, oder eine anbieter:modell-Angabe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route &quot;%1&quot; has no candidates.</source>
        <translation>Route „%1“ hat keine Kandidaten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route &quot;%1&quot;: candidate &quot;%2&quot; must be a provider:model reference.</source>
        <translation>Route „%1“: Kandidat „%2“ muss eine anbieter:modell-Angabe sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route &quot;%1&quot;: the weight of &quot;%2&quot; must be from 1 to 1000.</source>
        <translation>Route „%1“: Das Gewicht von „%2“ muss zwischen 1 und 1000 liegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route &quot;%1&quot;: retries must be from 0 to 5.</source>
        <translation>Route „%1“: Wiederholungen müssen zwischen 0 und 5 liegen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route &quot;%1&quot;: the deadline must be from 1 to 600 seconds.</source>
        <translation>Route „%1“: Die Frist muss zwischen 1 und 600 Sekunden liegen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>In route &quot;%1&quot;: %2</source>
        <translation>In der Route „%1“: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&quot;%1&quot; is not a valid configuration name: use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>„%1“ ist kein gültiger Konfigurationsname: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Configuration &quot;%1&quot;: the pattern &quot;%2&quot; is empty or has surrounding spaces.</source>
        <translation>Konfiguration „%1“: Das Muster „%2“ ist leer oder hat Leerzeichen außen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration &quot;%1&quot;: limits cannot be negative.</source>
        <translation>Konfiguration „%1“: Grenzwerte können nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration &quot;%1&quot;: content is kept from 1 to 3650 days.</source>
        <translation>Konfiguration „%1“: Inhalte werden 1 bis 3650 Tage aufbewahrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration &quot;%1&quot;: the size cap of a captured body is from 1024 bytes to 64 MiB.</source>
        <translation>Konfiguration „%1“: Die Größenobergrenze eines aufgezeichneten Inhalts liegt zwischen 1024 Bytes und 64 MiB.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>In key configuration &quot;%1&quot;: %2</source>
        <translation>In der Schlüsselkonfiguration „%1“: %2</translation>
    </message>
</context>
<context>
    <name>UiSettings</name>
    <message>
        <location filename="../ui/UiSettings.cpp" line="+108"/>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse</name>
    <message>
        <location filename="../core/connect/CodexWiring.cpp" line="+75"/>
        <location filename="../core/connect/ContinueWiring.cpp" line="+98"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>it sets model, model_provider or model_providers.gatehouse in a form Gatehouse cannot change; write them as plain top-level keys and a [model_providers.gatehouse] table</source>
        <translation>es setzt model, model_provider oder model_providers.gatehouse in einer Form, die Gatehouse nicht ändern kann; schreiben Sie sie als einfache Schlüssel auf oberster Ebene und eine Tabelle [model_providers.gatehouse]</translation>
    </message>
    <message>
        <location filename="../core/connect/ContinueWiring.cpp" line="-5"/>
        <source>the file holds more than one YAML document</source>
        <translation>die Datei enthält mehr als ein YAML-Dokument</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the top level of the file is not a map of settings</source>
        <translation>die oberste Ebene der Datei ist keine Zuordnung von Einstellungen</translation>
    </message>
    <message>
        <location filename="../core/connect/ToolConnector.cpp" line="+86"/>
        <source>%1: cannot create its folder</source>
        <translation>%1: Der Ordner dafür kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot write it: %2</source>
        <translation>%1: Die Datei kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&quot;%1&quot; is not a gateway address such as http://127.0.0.1:4777.</source>
        <translation>„%1“ ist keine Gateway-Adresse wie http://127.0.0.1:4777.</translation>
    </message>
    <message>
        <location filename="../core/migrate/Exporter.cpp" line="+75"/>
        <source>There is no route &quot;%1&quot;; see gatehouse route list.</source>
        <translation>Es gibt keine Route „%1“; siehe gatehouse route list.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Gatehouse route &quot;%1&quot; picks the fastest candidate; Portkey has no such strategy, so the candidates are tried in order.</source>
        <translation>Die Gatehouse-Route „%1“ wählt den schnellsten Kandidaten; Portkey hat keine solche Strategie, daher werden die Kandidaten der Reihe nach versucht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gatehouse route &quot;%1&quot; takes turns; Portkey balances with equal weights.</source>
        <translation>Die Gatehouse-Route „%1“ wechselt reihum ab; Portkey verteilt mit gleichen Gewichten.</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>Provider %1 speaks only %2, which Envoy AI Gateway does not take; it is left out.</source>
        <translation>Anbieter %1 spricht nur %2, was Envoy AI Gateway nicht annimmt; er wird ausgelassen.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Create the secret %1 with: kubectl create secret generic %1 --from-literal=apiKey=&quot;$%2&quot;</source>
        <translation>Legen Sie das Secret %1 an mit: kubectl create secret generic %1 --from-literal=apiKey=&quot;$%2&quot;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Route %1 has no candidate Envoy AI Gateway can reach; it is left out.</source>
        <translation>Route %1 hat keinen Kandidaten, den Envoy AI Gateway erreichen kann; sie wird ausgelassen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route %1 picks the fastest candidate in Gatehouse; Envoy AI Gateway tries its candidates in order.</source>
        <translation>Route %1 wählt in Gatehouse den schnellsten Kandidaten; Envoy AI Gateway versucht seine Kandidaten der Reihe nach.</translation>
    </message>
    <message>
        <location filename="../core/migrate/Importer.cpp" line="+127"/>
        <source>%1: a %2 model needs a base URL (api_base), and none is given.</source>
        <translation>%1: Ein %2-Modell braucht eine Basis-URL (api_base), und es ist keine angegeben.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+4"/>
        <source>This is not a LiteLLM config.yaml: it has no model_list.</source>
        <translation>Dies ist keine LiteLLM-config.yaml: Sie hat keine model_list.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: no model_name or litellm_params.</source>
        <translation>%1: kein model_name oder litellm_params.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: the model &quot;%2&quot; is of a provider Gatehouse cannot reach (%3).</source>
        <translation>%1: Das Modell „%2“ gehört zu einem Anbieter, den Gatehouse nicht erreichen kann (%3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no provider prefix</source>
        <translation>kein Anbieter-Präfix</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: api_base comes from $%2, which is not set now.</source>
        <translation>%1: api_base kommt aus $%2, das derzeit nicht gesetzt ist.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: litellm_params.%2 has no Gatehouse equivalent.</source>
        <translation>%1: litellm_params.%2 hat keine Entsprechung in Gatehouse.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>routing_strategy %1 has no Gatehouse equivalent; model groups use round robin.</source>
        <translation>routing_strategy %1 hat keine Entsprechung in Gatehouse; Modellgruppen verwenden Round Robin.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 has no Gatehouse equivalent: routes fall back on errors, time-outs and rate limits.</source>
        <translation>%1 hat keine Entsprechung in Gatehouse: Routen weichen bei Fehlern, Zeitüberschreitungen und Ratenlimits auf den nächsten Kandidaten aus.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1.%2 has no Gatehouse equivalent.</source>
        <translation>%1.%2 hat keine Entsprechung in Gatehouse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>general_settings.master_key: Gatehouse makes its own access keys (gatehouse key create NAME).</source>
        <translation>general_settings.master_key: Gatehouse erstellt eigene Zugangsschlüssel (gatehouse key create NAME).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>general_settings.%1 has no Gatehouse equivalent.</source>
        <translation>general_settings.%1 hat keine Entsprechung in Gatehouse.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+166"/>
        <source>%1 has no Gatehouse equivalent.</source>
        <translation>%1 hat keine Entsprechung in Gatehouse.</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>fallbacks of %1: there is no model group &quot;%2&quot;.</source>
        <translation>Fallbacks von %1: Es gibt keine Modellgruppe „%2“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 retries become %3, Gatehouse&apos;s most.</source>
        <translation>%1: Aus %2 Wiederholungen werden %3, das Maximum von Gatehouse.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This is not a claude-code-router config.json: %1 at byte %2.</source>
        <translation>Dies ist keine config.json von claude-code-router: %1 bei Byte %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a claude-code-router config.json: it has no Providers.</source>
        <translation>Dies ist keine config.json von claude-code-router: Sie hat keine Providers.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: api_base_url %2 does not end in /chat/completions; it is used as the base URL.</source>
        <translation>%1: api_base_url %2 endet nicht auf /chat/completions; sie wird als Basis-URL verwendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the transformer &quot;%2&quot; is not applied; Gatehouse translates between APIs itself.</source>
        <translation>%1: Der Transformer „%2“ wird nicht angewendet; Gatehouse übersetzt selbst zwischen den APIs.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Router.%1 has no Gatehouse equivalent (Gatehouse does not choose a model by the prompt&apos;s length).</source>
        <translation>Router.%1 hat keine Entsprechung in Gatehouse (Gatehouse wählt kein Modell nach der Länge des Prompts).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: &quot;%2&quot; names no imported provider.</source>
        <translation>%1: „%2“ nennt keinen importierten Anbieter.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>APIKEY: Gatehouse makes its own access keys (gatehouse key create NAME).</source>
        <translation>APIKEY: Gatehouse erstellt eigene Zugangsschlüssel (gatehouse key create NAME).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This is not a Continue config.yaml: it has no models.</source>
        <translation>Dies ist keine config.yaml von Continue: Sie hat keine models.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a hub block (uses: %2) cannot be read here; add its provider by hand.</source>
        <translation>%1: Ein Hub-Block (uses: %2) kann hier nicht gelesen werden; fügen Sie seinen Anbieter von Hand hinzu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the provider &quot;%2&quot; is one Gatehouse cannot reach.</source>
        <translation>%1: Der Anbieter „%2“ ist einer, den Gatehouse nicht erreichen kann.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2 stays in Continue&apos;s own settings.</source>
        <translation>%1: %2 bleibt in den eigenen Einstellungen von Continue.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: Continue&apos;s own settings, not imported.</source>
        <translation>%1: eigene Einstellungen von Continue, nicht importiert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::AccessKeysPage</name>
    <message>
        <location filename="../ui/AccessKeysPage.cpp" line="+71"/>
        <source>&amp;Create key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Con&amp;figurations…</source>
        <translation>&amp;Konfigurationen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every tool calls Gatehouse with an access key. Give each tool its own key, so you can see what it does and revoke it alone.</source>
        <translation>Jedes Werkzeug ruft Gatehouse mit einem Zugangsschlüssel auf. Geben Sie jedem Werkzeug einen eigenen Schlüssel, damit Sie sehen, was es tut, und ihn einzeln widerrufen können.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New key name</source>
        <translation>Name des neuen Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example vscode or laptop-cli</source>
        <translation>zum Beispiel vscode oder laptop-cli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration of the new key</source>
        <translation>Konfiguration des neuen Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the new key may do</source>
        <translation>Was der neue Schlüssel darf</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Access keys</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use against limits</source>
        <translation>Für Limits anrechnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected key &amp;uses:</source>
        <translation>Gewählter Schlüssel &amp;verwendet:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration of the selected key</source>
        <translation>Konfiguration des gewählten Schlüssels</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+26"/>
        <location line="+40"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Configuration “%1”: %2</source>
        <translation>Konfiguration „%1“: %2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Revoke access key</source>
        <translation>Zugangsschlüssel widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the key &quot;%1&quot;? Tools using it are refused from now on. This cannot be undone.</source>
        <translation>Den Schlüssel „%1“ widerrufen? Werkzeuge, die ihn verwenden, werden ab sofort abgewiesen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>gatehouse::AddProviderWizard</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+523"/>
        <source>Add a provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>A provider with the id &quot;%1&quot; exists already; pick another id.</source>
        <translation>Ein Anbieter mit der ID „%1“ existiert bereits; wählen Sie eine andere ID.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ChatClient</name>
    <message>
        <location filename="../core/chat/ChatClient.cpp" line="+126"/>
        <source>The gateway answered HTTP %1.</source>
        <translation>Das Gateway antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway answered HTTP %1: %2</source>
        <translation>Das Gateway antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot reach the gateway at %1: %2</source>
        <translation>Das Gateway unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The answer ended early: the connection closed before it was complete.</source>
        <translation>Die Antwort endete vorzeitig: Die Verbindung wurde geschlossen, bevor sie vollständig war.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot reach the gateway: %1</source>
        <translation>Das Gateway ist nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ChatPage</name>
    <message>
        <location filename="../ui/ChatPage.cpp" line="+26"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>provider:model or an alias</source>
        <translation>anbieter:modell oder ein Alias</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the gateway which models it offers</source>
        <translation>Das Gateway fragen, welche Modelle es anbietet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a message; Ctrl+Enter sends it</source>
        <translation>Nachricht eingeben; Strg+Eingabe sendet sie</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Messages go through the gateway at %1, as a tool&apos;s would.</source>
        <translation>Nachrichten gehen über das Gateway unter %1, genau wie die eines Werkzeugs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+93"/>
        <source>The gateway is not running; resume it to chat.</source>
        <translation>Das Gateway läuft nicht; setzen Sie es fort, um zu chatten.</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Could not list models: %1</source>
        <translation>Modelle konnten nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Pick a model first, as provider:model (for example my-ollama:llama3.2).</source>
        <translation>Wählen Sie zuerst ein Modell, als anbieter:modell (zum Beispiel my-ollama:llama3.2).</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Loaded a conversation of %n turn(s) from the request log; pick a model and send.</source>
        <translation>
            <numerusform>Eine Unterhaltung mit %n Runde aus dem Anfrageprotokoll geladen; wählen Sie ein Modell und senden Sie.</numerusform>
            <numerusform>Eine Unterhaltung mit %n Runden aus dem Anfrageprotokoll geladen; wählen Sie ein Modell und senden Sie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>first token %1 ms</source>
        <translation>erstes Token %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total %1 ms</source>
        <translation>gesamt %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Tokens ein / %2 aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>*Pick a model and send a message to test a route. The answer streams in here, with who answered and how fast.*</source>
        <translation>*Wählen Sie ein Modell und senden Sie eine Nachricht, um eine Route zu testen. Die Antwort erscheint hier während sie eintrifft, mit Angabe, wer geantwortet hat und wie schnell.*</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting for the first token…</source>
        <translation>warte auf das erste Token…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>gatehouse::CloudWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-237"/>
        <source>Cloud provider</source>
        <translation>Cloud-Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the provider you have an API key for.</source>
        <translation>Wählen Sie den Anbieter, für den Sie einen API-Schlüssel haben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloud providers</source>
        <translation>Cloud-Anbieter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another OpenAI- or Anthropic-compatible API (enter its URL)</source>
        <translation>Eine andere OpenAI- oder Anthropic-kompatible API (URL eingeben)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Models in the catalog</source>
        <translation>Modelle im Katalog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Can</source>
        <translation>Kann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>$ in / out per M</source>
        <translation>$ ein / aus pro Mio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main models, from Gatehouse&apos;s catalog:</source>
        <translation>Wichtige Modelle aus dem Katalog von Gatehouse:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vision</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reasoning</source>
        <translation>Denken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Einen Schlüssel gibt es unter &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>gatehouse::CodexConfigWiring</name>
    <message>
        <location filename="../core/connect/CodexWiring.cpp" line="+66"/>
        <source>Gatehouse could not add its settings without changing others</source>
        <translation>Gatehouse konnte seine Einstellungen nicht hinzufügen, ohne andere zu ändern</translation>
    </message>
</context>
<context>
    <name>gatehouse::Config</name>
    <message>
        <location filename="../core/config/Config.cpp" line="+133"/>
        <source>&quot;schemaVersion&quot; is missing or not a number.</source>
        <translation>„schemaVersion“ fehlt oder ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>schema version %1 is not supported (this Gatehouse reads version %2); it may have been written by a newer Gatehouse.</source>
        <translation>Schemaversion %1 wird nicht unterstützt (dieses Gatehouse liest Version %2); die Datei wurde vielleicht von einem neueren Gatehouse geschrieben.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;instanceId&quot; is missing.</source>
        <translation>„instanceId“ fehlt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In &quot;gateway&quot;: %1</source>
        <translation>In „gateway“: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>gateway bind address &quot;%1&quot; is not an IP address.</source>
        <translation>Die Gateway-Bindeadresse „%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gateway port %1 is out of range.</source>
        <translation>Der Gateway-Port %1 liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>gateway limits must be positive numbers.</source>
        <translation>Gateway-Grenzwerte müssen positive Zahlen sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>provider &quot;%1&quot; is listed twice.</source>
        <translation>Anbieter „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route &quot;%1&quot; is listed twice.</source>
        <translation>Route „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>key configuration &quot;%1&quot; is listed twice.</source>
        <translation>Schlüsselkonfiguration „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>access key &quot;%1&quot; uses the configuration &quot;%2&quot;, which does not exist.</source>
        <translation>Zugangsschlüssel „%1“ verwendet die Konfiguration „%2“, die es nicht gibt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigEditor</name>
    <message>
        <location filename="../core/config/ConfigEditor.cpp" line="+27"/>
        <source>There is no provider &quot;%1&quot;.</source>
        <translation>Es gibt keinen Anbieter „%1“.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+67"/>
        <location line="+55"/>
        <source>There is no key configuration &quot;%1&quot;.</source>
        <translation>Es gibt keine Schlüsselkonfiguration „%1“.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Route &quot;%1&quot;: there is no provider &quot;%2&quot; (in &quot;%3&quot;).</source>
        <translation>Route „%1“: Es gibt keinen Anbieter „%2“ (in „%3“).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A route named &quot;%1&quot; exists already; pick another name.</source>
        <translation>Eine Route namens „%1“ gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The name &quot;%1&quot; is the keyless Ollama API&apos;s; pick another name.</source>
        <translation>Der Name „%1“ gehört der Ollama-API ohne Schlüssel; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no key configuration &quot;%1&quot;; create it first.</source>
        <translation>Es gibt keine Schlüsselkonfiguration „%1“; legen Sie sie zuerst an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An access key named &quot;%1&quot; already exists; revoke it first or pick another name.</source>
        <translation>Einen Zugriffsschlüssel namens „%1“ gibt es schon; widerrufen Sie ihn zuerst oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>There is no access key &quot;%1&quot;.</source>
        <translation>Es gibt keinen Zugriffsschlüssel „%1“.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Access key &quot;%1&quot; is already revoked.</source>
        <translation>Der Zugriffsschlüssel „%1“ ist bereits widerrufen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Key configuration &quot;%1&quot;: there is no provider &quot;%2&quot;.</source>
        <translation>Schlüsselkonfiguration „%1“: Es gibt keinen Anbieter „%2“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider &quot;%1&quot; has no key &quot;%2&quot;; store it first.</source>
        <translation>Anbieter „%1“ hat keinen Schlüssel „%2“; speichern Sie ihn zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A key configuration named &quot;%1&quot; exists already; pick another name.</source>
        <translation>Eine Schlüsselkonfiguration namens „%1“ gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Key configuration &quot;%1&quot; is used by %2; give those keys another configuration first.</source>
        <translation>Die Schlüsselkonfiguration „%1“ wird von %2 verwendet; geben Sie diesen Schlüsseln zuerst eine andere Konfiguration.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigJson</name>
    <message>
        <location filename="../core/config/ConfigJson.cpp" line="+19"/>
        <source>a JSON array</source>
        <translation>ein JSON-Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a JSON object</source>
        <translation>ein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be %2</source>
        <translation>„%1“ muss %2 sein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be a JSON array of %2 (item %3 is not)</source>
        <translation>„%1“ muss ein JSON-Array aus %2 sein (Eintrag %3 ist es nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objects</source>
        <translation>Objekten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>strings</source>
        <translation>Zeichenketten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; in &quot;%2&quot; must be %3</source>
        <translation>„%1“ in „%2“ muss %3 sein</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConfigStore</name>
    <message>
        <location filename="../core/config/ConfigStore.cpp" line="+62"/>
        <source>The config is being changed by another Gatehouse process (pid %1); try again, or remove the lock file %2 if no Gatehouse is running.</source>
        <translation>Die Konfiguration wird gerade von einem anderen Gatehouse-Prozess geändert (PID %1); versuchen Sie es erneut, oder entfernen Sie die Sperrdatei %2, wenn kein Gatehouse läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The config is being changed by another Gatehouse process; try again, or remove the lock file %1 if no Gatehouse is running.</source>
        <translation>Die Konfiguration wird gerade von einem anderen Gatehouse-Prozess geändert; versuchen Sie es erneut, oder entfernen Sie die Sperrdatei %1, wenn kein Gatehouse läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the lock file %1: permission denied.</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot take the lock file %1.</source>
        <translation>Die Sperrdatei %1 kann nicht belegt werden.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot create the config folder %1: %2</source>
        <translation>Der Konfigurationsordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config folder %1 is not a folder.</source>
        <translation>Der Konfigurationsordner %1 ist kein Ordner.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 verschoben werden: %3</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot read the config file %1: %2</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The config file %1 is larger than 16 MiB.</source>
        <translation>Die Konfigurationsdatei %1 ist größer als 16 MiB.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the top level is not a JSON object</source>
        <translation>die oberste Ebene ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file was left as it is.</source>
        <translation>Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy was kept at %1.</source>
        <translation>Eine Kopie liegt unter %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The config file %1 cannot be used: %2. Gatehouse will not overwrite it; fix or remove it. %3</source>
        <translation>Die Konfigurationsdatei %1 ist nicht verwendbar: %2. Gatehouse überschreibt sie nicht; korrigieren oder entfernen Sie sie. %3</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ConnectPage</name>
    <message>
        <location filename="../ui/ConnectPage.cpp" line="+223"/>
        <source>Snippets use the access &amp;key:</source>
        <translation>Beispiele verwenden den Zugangs&amp;schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access key for the snippets</source>
        <translation>Zugangsschlüssel für die Beispiele</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys are shown only once, when created, so the snippets read the key from the GATEHOUSE_API_KEY environment variable. Set it to the key you copied then.</source>
        <translation>Schlüssel werden nur einmal beim Erstellen angezeigt, deshalb lesen die Beispiele den Schlüssel aus der Umgebungsvariablen GATEHOUSE_API_KEY. Setzen Sie sie auf den Schlüssel, den Sie damals kopiert haben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
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
        <translation>Programmierwerkzeuge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect writes the tool&apos;s own settings file, so it works through Gatehouse with nothing else to set up. Each tool gets an access key of its own; everything else in its files stays as it is, and Disconnect undoes it.</source>
        <translation>„Verbinden“ schreibt die eigene Einstellungsdatei des Werkzeugs, sodass es ohne weitere Einrichtung über Gatehouse arbeitet. Jedes Werkzeug erhält einen eigenen Zugangsschlüssel; alles andere in seinen Dateien bleibt, wie es ist, und „Trennen“ macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Any other tool or SDK</source>
        <translation>Jedes andere Werkzeug oder SDK</translation>
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
        <translation>Ollama-Clients</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no key yet: create one on the Access keys page</source>
        <translation>noch kein Schlüssel: erstellen Sie einen auf der Seite Zugangsschlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;OpenAI-compatible base URL&lt;/b&gt; (Chat Completions and the Responses API): %1/v1&lt;br&gt;&lt;b&gt;Anthropic and Gemini API base URL:&lt;/b&gt; %1&lt;br&gt;Name models as &lt;i&gt;provider:model&lt;/i&gt;, for example &lt;i&gt;my-ollama:llama3.2&lt;/i&gt;.</source>
        <translation>&lt;b&gt;OpenAI-kompatible Basis-URL&lt;/b&gt; (Chat Completions und die Responses-API): %1/v1&lt;br&gt;&lt;b&gt;Basis-URL für Anthropic und die Gemini-API:&lt;/b&gt; %1&lt;br&gt;Modelle heißen &lt;i&gt;anbieter:modell&lt;/i&gt;, zum Beispiel &lt;i&gt;my-ollama:llama3.2&lt;/i&gt;.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Pick the model the tool should use, as provider:model or a route. Add a provider first if there is none.</source>
        <translation>Wählen Sie das Modell, das das Werkzeug verwenden soll, als anbieter:modell oder eine Route. Fügen Sie zuerst einen Anbieter hinzu, wenn es keinen gibt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Gatehouse&apos;s settings out of %1&apos;s files and revoke its access key &quot;%2&quot;? The rest of the files stays as it is.</source>
        <translation>Die Einstellungen von Gatehouse aus den Dateien von %1 entfernen und seinen Zugangsschlüssel „%2“ widerrufen? Der Rest der Dateien bleibt, wie er ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>create an access key first, then set GATEHOUSE_API_KEY to it</source>
        <translation>erstellen Sie zuerst einen Zugangsschlüssel und setzen Sie GATEHOUSE_API_KEY darauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GATEHOUSE_API_KEY holds the access key &quot;%1&quot;</source>
        <translation>GATEHOUSE_API_KEY enthält den Zugangsschlüssel „%1“</translation>
    </message>
    <message>
        <location line="+56"/>
        <source># The Ollama API without a key listens on %1, with the models and limits of the key configuration &quot;%2&quot;.
</source>
        <translation># Die Ollama-API ohne Schlüssel lauscht auf %1, mit den Modellen und Limits der Schlüsselkonfiguration „%2“.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source># The Ollama API without a key is off. Turn it on in Settings, or:
gatehouse ollama-api enable --port %1
</source>
        <translation># Die Ollama-API ohne Schlüssel ist aus. Schalten Sie sie in den Einstellungen ein, oder:
gatehouse ollama-api enable --port %1
</translation>
    </message>
</context>
<context>
    <name>gatehouse::ContinueConfigWiring</name>
    <message>
        <location filename="../core/connect/ContinueWiring.cpp" line="+155"/>
        <source>its models setting is not a list with one &quot;- &quot; item a line, which is the form Gatehouse adds its model to</source>
        <translation>seine Einstellung models ist keine Liste mit einem Eintrag &quot;- &quot; pro Zeile, der Form, in der Gatehouse sein Modell hinzufügt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gatehouse could not add its model without changing other settings</source>
        <translation>Gatehouse konnte sein Modell nicht hinzufügen, ohne andere Einstellungen zu ändern</translation>
    </message>
</context>
<context>
    <name>gatehouse::DetailsWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+27"/>
        <source>Provider details</source>
        <translation>Anbieterdetails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the details and test the connection, then finish to save.</source>
        <translation>Prüfen Sie die Angaben und testen Sie die Verbindung, dann speichern Sie mit Fertigstellen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::EditProviderDialog</name>
    <message>
        <location filename="../ui/ProvidersPage.cpp" line="+57"/>
        <source>Edit provider %1</source>
        <translation>Anbieter %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>gatehouse::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+45"/>
        <source>Export for a team gateway</source>
        <translation>Für ein Team-Gateway exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All routes</source>
        <translation>Alle Routen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Include the provider keys in clear text</source>
        <translation>Die Anbieterschlüssel im Klartext einschließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without the keys, the export names an environment variable or a secret for each provider&apos;s key.</source>
        <translation>Ohne die Schlüssel nennt der Export für den Schlüssel jedes Anbieters eine Umgebungsvariable oder ein Secret.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview (without keys):</source>
        <translation>Vorschau (ohne Schlüssel):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export the keys?</source>
        <translation>Die Schlüssel exportieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file will hold your provider keys in clear text. Anyone who reads it can use your accounts. Keep it private and delete it once it is used.</source>
        <translation>Die Datei enthält Ihre Anbieterschlüssel im Klartext. Wer sie liest, kann Ihre Konten benutzen. Halten Sie sie privat und löschen Sie sie nach Gebrauch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export with keys</source>
        <translation>Mit Schlüsseln exportieren</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The key of %1 could not be read from the keychain: %2</source>
        <translation>Der Schlüssel von %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key configurations&apos; /key/generate requests are in %1.</source>
        <translation>Die /key/generate-Anfragen der Schlüsselkonfigurationen stehen in %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::Exporter</name>
    <message>
        <location filename="../core/migrate/Exporter.cpp" line="+98"/>
        <source>Portkey gateway configs (JSON)</source>
        <translation>Portkey-Gateway-Konfigurationen (JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LiteLLM proxy config.yaml</source>
        <translation>LiteLLM-Proxy-config.yaml</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoy AI Gateway resources (Kubernetes YAML)</source>
        <translation>Envoy-AI-Gateway-Ressourcen (Kubernetes-YAML)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown format &quot;%1&quot;; use portkey, litellm or envoy-ai-gateway.</source>
        <translation>Unbekanntes Format „%1“; verwenden Sie portkey, litellm oder envoy-ai-gateway.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown format.</source>
        <translation>Unbekanntes Format.</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayRuntime</name>
    <message>
        <location filename="../core/gateway/GatewayRuntime.cpp" line="+129"/>
        <source>The request log cannot be written (%1); requests still count towards limits.</source>
        <translation>Das Anfrageprotokoll kann nicht geschrieben werden (%1); Anfragen zählen weiter für die Limits.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Provider &quot;%1&quot;: %2</source>
        <translation>Anbieter „%1“: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="+26"/>
        <source>Import from another tool</source>
        <translation>Aus einem anderen Werkzeug importieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file to import</source>
        <translation>Die zu importierende Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the file adds shows here: providers, models, routes, keys for the keychain, and everything that cannot be mapped.</source>
        <translation>Hier steht, was die Datei hinzufügt: Anbieter, Modelle, Routen, Schlüssel für den Schlüsselbund und alles, was sich nicht übertragen lässt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the file to import</source>
        <translation>Die zu importierende Datei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration files (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Konfigurationsdateien (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storing the keys in the keychain…</source>
        <translation>Die Schlüssel werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported, but the keychain refused the keys: %1. Set them on the Providers page.</source>
        <translation>Importiert, aber der Schlüsselbund hat die Schlüssel abgelehnt: %1. Legen Sie sie auf der Seite Anbieter fest.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Imported %n provider(s) and %1 route(s).</source>
        <translation>
            <numerusform>%n Anbieter und %1 Route(n) importiert.</numerusform>
            <numerusform>%n Anbieter und %1 Route(n) importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::Importer</name>
    <message>
        <location filename="../core/migrate/Importer.cpp" line="+14"/>
        <source>Unknown format &quot;%1&quot;; use litellm, claude-code-router or continue.</source>
        <translation>Unbekanntes Format „%1“; verwenden Sie litellm, claude-code-router oder continue.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>LiteLLM proxy config.yaml</source>
        <translation>LiteLLM-Proxy-config.yaml</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claude-code-router config.json</source>
        <translation>config.json von claude-code-router</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue config.yaml</source>
        <translation>config.yaml von Continue</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file is not valid YAML: %1</source>
        <translation>Die Datei ist kein gültiges YAML: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file does not have the expected shape: %1</source>
        <translation>Die Datei hat nicht die erwartete Form: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeyConfigDialog</name>
    <message>
        <location filename="../ui/KeyConfigDialog.cpp" line="+35"/>
        <source>Keep the &amp;bodies of requests and answers</source>
        <translation>&amp;Inhalte von Anfragen und Antworten aufbewahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save configuration</source>
        <translation>Konfiguration &amp;speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key configurations</source>
        <translation>Schlüsselkonfigurationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A configuration says what the access keys that use it may do. Keys without one use &quot;default&quot;; with no &quot;default&quot; defined, they may use every model without limits.</source>
        <translation>Eine Konfiguration legt fest, was die Zugangsschlüssel, die sie verwenden, dürfen. Schlüssel ohne eigene verwenden „default“; ist „default“ nicht definiert, dürfen sie jedes Modell ohne Grenzen nutzen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Configurations</source>
        <translation>Konfigurationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Configuration name</source>
        <translation>Konfigurationsname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed models</source>
        <translation>Erlaubte Modelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One pattern per line, e.g.
my-ollama:*
openai:gpt-4o*
fast
Empty: every model.</source>
        <translation>Ein Muster pro Zeile, z. B.
my-ollama:*
openai:gpt-4o*
fast
Leer: jedes Modell.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Allowed models:</source>
        <translation>&amp;Erlaubte Modelle:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Requests per minute:</source>
        <translation>&amp;Anfragen pro Minute:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens per day</source>
        <translation>Tokens pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tokens per day (UTC):</source>
        <translation>&amp;Tokens pro Tag (UTC):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spend per month</source>
        <translation>Ausgaben pro Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priced from the model catalog; models without a price (your local ones) cost nothing.</source>
        <translation>Preise aus dem Modellkatalog; Modelle ohne Preis (Ihre lokalen) kosten nichts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;pend per month:</source>
        <translation>Aus&amp;gaben pro Monat:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider keys</source>
        <translation>Anbieterschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bills to key</source>
        <translation>Abrechnung über Schlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider &amp;keys:</source>
        <translation>Anbieter&amp;schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off unless turned on. Bodies go to their own owner-only file, with access keys and provider keys blanked out, and are deleted after the days below.</source>
        <translation>Aus, solange nicht eingeschaltet. Inhalte kommen in eine eigene Datei, die nur der Besitzer lesen kann, mit unkenntlich gemachten Zugangsschlüsseln und Anbieterschlüsseln, und werden nach den unten angegebenen Tagen gelöscht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days captured bodies are kept</source>
        <translation>Tage, die erfasste Inhalte aufbewahrt werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most kept of each body</source>
        <translation>Höchstens aufbewahrte Menge je Inhalt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Content capture:</source>
        <translation>Inhaltserfassung:</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Key of %1</source>
        <translation>Schlüssel von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>main key</source>
        <translation>Hauptschlüssel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no provider has more than one key)</source>
        <translation>(kein Anbieter hat mehr als einen Schlüssel)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Saved configuration &quot;%1&quot;.</source>
        <translation>Konfiguration „%1“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeychainSecretStore</name>
    <message>
        <location filename="../core/secrets/KeychainSecretStore.cpp" line="+34"/>
        <location line="+22"/>
        <source>No keychain is available (%1). On Linux, Gatehouse needs a Secret Service such as GNOME Keyring or KWallet running in your session.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Unter Linux braucht Gatehouse einen Secret Service wie GNOME Keyring oder KWallet in Ihrer Sitzung.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The keychain refused access (%1). Unlock your keyring and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (%1). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keychain error: %1</source>
        <translation>Schlüsselbundfehler: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keyring is locked (%1). Unlock it and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt (%1). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>gatehouse::KindWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-442"/>
        <source>A model running on this &amp;machine or my network</source>
        <translation>Ein Modell auf diesem &amp;Rechner oder in meinem Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;cloud provider (OpenAI, Anthropic, Gemini, …)</source>
        <translation>Ein &amp;Cloud-Anbieter (OpenAI, Anthropic, Gemini, …)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where does the model run?</source>
        <translation>Wo läuft das Modell?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gatehouse can look for model servers on this machine, or set up a cloud provider you have a key for.</source>
        <translation>Gatehouse kann auf diesem Rechner nach Modellservern suchen oder einen Cloud-Anbieter einrichten, für den Sie einen Schlüssel haben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp server, LocalAI, Jan, GPT4All, or any OpenAI- or Anthropic-compatible server you run.</source>
        <translation>Ollama, LM Studio, vLLM, llama.cpp-Server, LocalAI, Jan, GPT4All oder jeder OpenAI- oder Anthropic-kompatible Server, den Sie betreiben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You paste an API key; it goes to the system keychain.</source>
        <translation>Sie fügen einen API-Schlüssel ein; er kommt in den Systemschlüsselbund.</translation>
    </message>
</context>
<context>
    <name>gatehouse::LimitWatch</name>
    <message>
        <location filename="../ui/LimitWatch.cpp" line="+51"/>
        <source>%1 of %2 requests in the last minute</source>
        <translation>%1 von %2 Anfragen in der letzten Minute</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 tokens today</source>
        <translation>%1 von %2 Tokens heute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 this month</source>
        <translation>%1 von %2 in diesem Monat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token limit reached</source>
        <translation>Token-Limit erreicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Token limit almost reached</source>
        <translation>Token-Limit fast erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys of the configuration “%1” used %2 of their %3 tokens today.</source>
        <translation>Die Schlüssel der Konfiguration „%1“ haben heute %2 ihrer %3 Tokens verbraucht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spending limit reached</source>
        <translation>Ausgabenlimit erreicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spending limit almost reached</source>
        <translation>Ausgabenlimit fast erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys of the configuration “%1” spent %2 of their %3 this month.</source>
        <translation>Die Schlüssel der Konfiguration „%1“ haben in diesem Monat %2 ihrer %3 ausgegeben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalWizardPage</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="+208"/>
        <source>Scan &amp;again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model servers on this machine</source>
        <translation>Modellserver auf diesem Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers found at their usual ports. Pick one, or type the address of another server.</source>
        <translation>Server, die an ihren üblichen Ports gefunden wurden. Wählen Sie einen aus oder geben Sie die Adresse eines anderen Servers ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Servers found</source>
        <translation>Gefundene Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other server URL</source>
        <translation>URL eines anderen Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://192.168.1.20:11434/v1</source>
        <translation>http://192.168.1.20:11434/v1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Other server URL:</source>
        <translation>URL eines &amp;anderen Servers:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Looking for model servers…</source>
        <translation>Suche nach Modellservern…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no models loaded</source>
        <translation>keine Modelle geladen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n model(s): %1</source>
        <translation>
            <numerusform>%n Modell: %1</numerusform>
            <numerusform>%n Modelle: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No model server answered at the usual ports. Start one, then scan again, or type its URL below.</source>
        <translation>An den üblichen Ports hat kein Modellserver geantwortet. Starten Sie einen und suchen Sie erneut, oder geben Sie unten seine URL ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Found %n server(s).</source>
        <translation>
            <numerusform>%n Server gefunden.</numerusform>
            <numerusform>%n Server gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::LogsPage</name>
    <message>
        <location filename="../ui/LogsPage.cpp" line="+290"/>
        <source>Open in &amp;chat</source>
        <translation>Im &amp;Chat öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear…</source>
        <translation>&amp;Leeren…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+265"/>
        <source>Access key</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any model</source>
        <translation>Jedes Modell</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+261"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
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
        <translation>499 (Client getrennt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+248"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Any endpoint</source>
        <translation>Jeder Endpunkt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Request detail</source>
        <translation>Anfragedetails</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+201"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream events</source>
        <translation>Stream-Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue this conversation in the chat, with any model</source>
        <translation>Diese Unterhaltung im Chat fortsetzen, mit einem beliebigen Modell</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>What to clear</source>
        <translation>Was geleert wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older than</source>
        <translation>Älter als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear requests before</source>
        <translation>Anfragen löschen vor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear the log:</source>
        <translation>Protokoll leeren:</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Any key</source>
        <translation>Jeder Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The request log could not be read: %1</source>
        <translation>Das Anfrageprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No requests match.</source>
        <translation>Keine Anfragen gefunden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pick a request to see how it went.</source>
        <translation>Wählen Sie eine Anfrage, um zu sehen, wie sie verlaufen ist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (streamed)</source>
        <translation> (gestreamt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model asked for</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First byte</source>
        <translation>Erstes Byte</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+1"/>
        <location line="+12"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 in (%2 cached) · %3 out (%4 reasoning)</source>
        <translation>%1 ein (%2 zwischengespeichert) · %3 aus (%4 Reasoning)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Headers Gatehouse added</source>
        <translation>Von Gatehouse hinzugefügte Header</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The captured bodies could not be read: %1</source>
        <translation>Die erfassten Inhalte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A body was longer than the capture limit and is cut short.</source>
        <translation>Ein Inhalt war länger als die Erfassungsgrenze und ist gekürzt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bodies are not captured for this request. A key configuration can capture them (Access keys › Key configurations).</source>
        <translation>Für diese Anfrage werden keine Inhalte erfasst. Eine Schlüsselkonfiguration kann sie erfassen (Zugangsschlüssel › Schlüsselkonfigurationen).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Delete every logged request from before %1? Captured bodies of those requests go too. This cannot be undone.</source>
        <translation>Jede protokollierte Anfrage vor %1 löschen? Erfasste Inhalte dieser Anfragen werden ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete every logged request and every captured body? This cannot be undone.</source>
        <translation>Jede protokollierte Anfrage und jeden erfassten Inhalt löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the request log</source>
        <translation>Anfrageprotokoll leeren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The log could not be cleared: %1</source>
        <translation>Das Protokoll kann nicht geleert werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed %n request(s).</source>
        <translation>
            <numerusform>%n Anfrage entfernt.</numerusform>
            <numerusform>%n Anfragen entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+48"/>
        <source>&amp;Open Gatehouse</source>
        <translation>Gatehouse ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause gateway</source>
        <translation>Gateway &amp;pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
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
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Access keys</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect your tools</source>
        <translation>Werkzeuge verbinden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logs</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+60"/>
        <source>Requests served: %1</source>
        <translation>Bearbeitete Anfragen: %1</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Starting the gateway…</source>
        <translation>Gateway wird gestartet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Gateway listening on %1 — tools use %1/v1</source>
        <translation>● Gateway lauscht auf %1 — Werkzeuge verwenden %1/v1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>○ Gateway paused — tools get no answer until you resume it</source>
        <translation>○ Gateway pausiert — Werkzeuge erhalten keine Antwort, bis Sie es fortsetzen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Gateway problem: %1</source>
        <translation>⚠ Gateway-Problem: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gatehouse — %1 — %2</source>
        <translation>Gatehouse — %1 — %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Gatehouse is still running</source>
        <translation>Gatehouse läuft weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway keeps serving your tools. Open or quit Gatehouse from its icon in the tray.</source>
        <translation>Das Gateway bedient Ihre Werkzeuge weiter. Öffnen oder beenden Sie Gatehouse über sein Symbol im Infobereich.</translation>
    </message>
</context>
<context>
    <name>gatehouse::MemorySecretStore</name>
    <message>
        <location filename="../core/secrets/MemorySecretStore.cpp" line="+22"/>
        <source>No secret stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::MigrationPlan</name>
    <message>
        <location filename="../core/migrate/MigrationPlan.cpp" line="+34"/>
        <source>No providers to add.</source>
        <translation>Keine Anbieter hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider %1 (%2, %3)%4</source>
        <translation>Anbieter %1 (%2, %3)%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, key to the keychain</source>
        <translation>, Schlüssel in den Schlüsselbund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provider %1 exists already at that address; models added: %2</source>
        <translation>Anbieter %1 existiert bereits unter dieser Adresse; hinzugefügte Modelle: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, retries %1</source>
        <translation>, Wiederholungen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, deadline %1 s</source>
        <translation>, Frist %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route %1 (%2%3): %4</source>
        <translation>Route %1 (%2%3): %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key of %1 from %2 goes to the keychain.</source>
        <translation>Der Schlüssel von %1 aus %2 kommt in den Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing key: %1</source>
        <translation>Fehlender Schlüssel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A provider named &quot;%1&quot; was added meanwhile; import again.</source>
        <translation>Ein Anbieter namens „%1“ wurde inzwischen hinzugefügt; importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The provider &quot;%1&quot; was removed meanwhile; import again.</source>
        <translation>Der Anbieter „%1“ wurde inzwischen entfernt; importieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>gatehouse::NewKeyDialog</name>
    <message>
        <location filename="../ui/AccessKeysPage.cpp" line="-278"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access key &quot;%1&quot;</source>
        <translation>Zugangsschlüssel „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your new access key. Give it to the tool that will call Gatehouse (as its OpenAI or Anthropic API key).</source>
        <translation>Ihr neuer Zugangsschlüssel. Geben Sie ihn dem Werkzeug, das Gatehouse aufrufen soll (als dessen OpenAI- oder Anthropic-API-Schlüssel).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New access key</source>
        <translation>Neuer Zugangsschlüssel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Copy it now: it will not be shown again.&lt;/b&gt; Gatehouse keeps only a hash of it. If it is lost, revoke it and create another.</source>
        <translation>&lt;b&gt;Kopieren Sie ihn jetzt: Er wird nicht noch einmal angezeigt.&lt;/b&gt; Gatehouse speichert nur einen Hash davon. Geht er verloren, widerrufen Sie ihn und erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaApiBox</name>
    <message>
        <location filename="../ui/OllamaApiBox.cpp" line="+16"/>
        <source>Ollama API without a key</source>
        <translation>Ollama-API ohne Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Serve Ollama&apos;s API on this machine, without an access key</source>
        <translation>Ollamas API auf diesem Rechner ohne Zugangsschlüssel &amp;bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For apps that speak Ollama&apos;s API and send no key (Open WebUI, VS Code, JetBrains, ollama-js). Only programs on this machine reach it, with the models and limits of the key configuration below; its requests are logged as &quot;ollama-api&quot;.</source>
        <translation>Für Apps, die Ollamas API sprechen und keinen Schlüssel senden (Open WebUI, VS Code, JetBrains, ollama-js). Nur Programme auf diesem Rechner erreichen sie, mit den Modellen und Grenzen der Schlüsselkonfiguration unten; ihre Anfragen werden als „ollama-api“ protokolliert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ollama API port</source>
        <translation>Port der Ollama-API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama itself uses 11434; pick that only when Ollama does not run here.</source>
        <translation>Ollama selbst benutzt 11434; wählen Sie ihn nur, wenn Ollama hier nicht läuft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key configuration:</source>
        <translation>&amp;Schlüsselkonfiguration:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key configuration of the Ollama API</source>
        <translation>Schlüsselkonfiguration der Ollama-API</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Listening on http://127.0.0.1:%1; point Ollama clients there.</source>
        <translation>Lauscht auf http://127.0.0.1:%1; richten Sie Ollama-Clients dorthin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off.</source>
        <translation>Aus.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved. The gateway serves the Ollama API on port %1 now.</source>
        <translation>Gespeichert. Das Gateway stellt die Ollama-API jetzt auf Port %1 bereit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. The gateway closes the Ollama API&apos;s port now.</source>
        <translation>Gespeichert. Das Gateway schließt den Port der Ollama-API jetzt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaInspector</name>
    <message>
        <location filename="../core/discovery/OllamaInspector.cpp" line="+42"/>
        <source>%1 answered with more than %2 MB.</source>
        <translation>%1 antwortete mit mehr als %2 MB.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 answered HTTP %2%3</source>
        <translation>%1 antwortete mit HTTP %2%3</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaModelsPanel</name>
    <message>
        <location filename="../ui/AddProviderWizard.cpp" line="-275"/>
        <source>Add it by Ollama&apos;s own API: model details reach your tools, and Ollama&apos;s options pass through</source>
        <translation>Über Ollamas eigene API hinzufügen: Modelldetails erreichen Ihre Werkzeuge, Ollamas Optionen werden durchgereicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add it by its OpenAI-compatible API (/v1)</source>
        <translation>Über seine OpenAI-kompatible API (/v1) hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pull</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel pull</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Models on this Ollama server</source>
        <translation>Modelle auf diesem Ollama-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size · parameters · quantization · context</source>
        <translation>Größe · Parameter · Quantisierung · Kontext</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Model to pull</source>
        <translation>Herunterzuladendes Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example llama3.2 or qwen2.5-coder:7b</source>
        <translation>zum Beispiel llama3.2 oder qwen2.5-coder:7b</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Models on this Ollama server:</source>
        <translation>Modelle auf diesem Ollama-Server:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pull a &amp;model:</source>
        <translation>&amp;Modell herunterladen:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pulled %1.</source>
        <translation>%1 heruntergeladen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The pull of %1 was cancelled.</source>
        <translation>Das Herunterladen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Family: %1</source>
        <translation>Familie: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded now, %1 in GPU memory</source>
        <translation>Jetzt geladen, %1 im GPU-Speicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded now</source>
        <translation>Jetzt geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unloads at %1</source>
        <translation>Wird um %1 entladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server has no models yet; pull one below.</source>
        <translation>Dieser Server hat noch keine Modelle; laden Sie unten eines herunter.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The context length and capabilities of %n model(s) were not read, to keep the scan short.</source>
        <translation>
            <numerusform>Kontextlänge und Fähigkeiten von %n Modell wurden nicht gelesen, damit die Suche kurz bleibt.</numerusform>
            <numerusform>Kontextlänge und Fähigkeiten von %n Modellen wurden nicht gelesen, damit die Suche kurz bleibt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Asking Ollama for %1…</source>
        <translation>Ollama wird nach %1 gefragt…</translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaPull</name>
    <message>
        <location filename="../core/discovery/OllamaPull.cpp" line="+24"/>
        <source>%1: %2 of %3 (%4%)</source>
        <translation>%1: %2 von %3 (%4 %)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the name of a model to pull, for example llama3.2.</source>
        <translation>Geben Sie den Namen eines Modells ein, zum Beispiel llama3.2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a model name Ollama knows; names look like llama3.2 or qwen2.5-coder:7b.</source>
        <translation>„%1“ ist kein Modellname, den Ollama kennt; Namen sehen aus wie llama3.2 oder qwen2.5-coder:7b.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A model is being pulled already; wait for it or cancel it.</source>
        <translation>Es wird bereits ein Modell heruntergeladen; warten Sie darauf oder brechen Sie es ab.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Ollama sent a progress line longer than %1 kB while pulling &quot;%2&quot;.</source>
        <translation>Ollama hat beim Herunterladen von „%2“ eine Fortschrittszeile über %1 kB gesendet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+38"/>
        <source>Ollama could not pull &quot;%1&quot;: %2</source>
        <translation>Ollama konnte „%1“ nicht herunterladen: %2</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 was not found; is this an Ollama server?</source>
        <translation>%1 wurde nicht gefunden; ist das ein Ollama-Server?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ollama answered HTTP %1 to the pull of &quot;%2&quot;.</source>
        <translation>Ollama antwortete auf das Herunterladen von „%2“ mit HTTP %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pull of &quot;%1&quot; ended before Ollama reported success.</source>
        <translation>Das Herunterladen von „%1“ endete, bevor Ollama Erfolg meldete.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ollama sent a progress line that is not JSON while pulling &quot;%1&quot;.</source>
        <translation>Ollama hat beim Herunterladen von „%1“ eine Fortschrittszeile gesendet, die kein JSON ist.</translation>
    </message>
</context>
<context>
    <name>gatehouse::PlanBuilder</name>
    <message>
        <location filename="../core/migrate/MigrationPlan.cpp" line="+62"/>
        <source>%1: the URL %2 is refused: %3</source>
        <translation>%1: Die URL %2 wird abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: the provider %2 exists already at %3 and keeps its own key; set another with: gatehouse provider set-key %2</source>
        <translation>%1: Der Anbieter %2 existiert bereits unter %3 und behält seinen eigenen Schlüssel; einen anderen setzen Sie mit: gatehouse provider set-key %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the file</source>
        <translation>der Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 takes its key from $%2, which is not set now; set it with: printenv %2 | gatehouse provider set-key %1</source>
        <translation>%1 bezieht seinen Schlüssel aus $%2, das derzeit nicht gesetzt ist; setzen Sie ihn mit: printenv %2 | gatehouse provider set-key %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no key in the file; set it with: gatehouse provider set-key %1</source>
        <translation>%1 hat keinen Schlüssel in der Datei; setzen Sie ihn mit: gatehouse provider set-key %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: no candidate could be imported, so the route &quot;%2&quot; is left out.</source>
        <translation>%1: Kein Kandidat konnte importiert werden, daher wird die Route „%2“ ausgelassen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the route &quot;%2&quot; exists already as it is.</source>
        <translation>%1: Die Route „%2“ existiert bereits genau so.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the route &quot;%2&quot; is named &quot;%3&quot; (the name was taken or not valid).</source>
        <translation>%1: Die Route „%2“ heißt „%3“ (der Name war vergeben oder ungültig).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::Provider</name>
    <message>
        <location filename="../core/config/Provider.cpp" line="+84"/>
        <source>A provider speaks at least one API surface (%1).</source>
        <translation>Ein Anbieter spricht mindestens eine API (%1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a valid provider id: use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit.</source>
        <translation>„%1“ ist keine gültige Anbieter-ID: Verwenden Sie 1 bis 40 Kleinbuchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Header &quot;%1&quot; must look like &quot;Name: value&quot;.</source>
        <translation>Header „%1“ muss die Form „Name: Wert“ haben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Header name &quot;%1&quot; contains characters not allowed in HTTP header names.</source>
        <translation>Der Header-Name „%1“ enthält Zeichen, die in HTTP-Header-Namen nicht erlaubt sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value of header &quot;%1&quot; contains a line break.</source>
        <translation>Der Wert des Headers „%1“ enthält einen Zeilenumbruch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header &quot;%1&quot; cannot be set: connection headers are set by Gatehouse.</source>
        <translation>Der Header „%1“ kann nicht gesetzt werden: Verbindungs-Header setzt Gatehouse selbst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header &quot;%1&quot; carries a credential and is kept only in the keychain, never in the config file.</source>
        <translation>Der Header „%1“ enthält Zugangsdaten und wird nur im Schlüsselbund gespeichert, nie in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a valid key label: use 1 to 40 lower-case letters, digits and dashes.</source>
        <translation>„%1“ ist keine gültige Schlüsselbezeichnung: Verwenden Sie 1 bis 40 Kleinbuchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Provider &quot;%1&quot; lists an empty model name or one with surrounding spaces.</source>
        <translation>Anbieter „%1“ nennt einen leeren Modellnamen oder einen mit Leerzeichen außen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Provider &quot;%1&quot;: &quot;%2&quot; cannot be a secret header.</source>
        <translation>Anbieter „%1“: „%2“ kann kein geheimer Header sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider &quot;%1&quot;: &quot;%2&quot; cannot be a secret query parameter.</source>
        <translation>Anbieter „%1“: „%2“ kann kein geheimer URL-Parameter sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provider &quot;%1&quot; speaks no API surface.</source>
        <translation>Anbieter „%1“ spricht keine API.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider &quot;%1&quot; has a timeout that is not positive.</source>
        <translation>Anbieter „%1“ hat eine Zeitüberschreitung, die nicht positiv ist.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>a provider without id</source>
        <translation>ein Anbieter ohne ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>provider &quot;%1&quot;</source>
        <translation>Anbieter „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In %1: %2</source>
        <translation>In %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;baseUrl&quot; must be a string.</source>
        <translation>„baseUrl“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+3"/>
        <source>&quot;models&quot; must be a list of strings.</source>
        <translation>„models“ muss eine Liste von Zeichenketten sein.</translation>
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
        <translation>Ollama-API</translation>
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
        <translation>Unbekannte API „%1“; verwenden Sie %2.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderForm</name>
    <message>
        <location filename="../ui/ProviderForm.cpp" line="+22"/>
        <source>Pass any model name through</source>
        <translation>Jeden Modellnamen durchreichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example my-ollama</source>
        <translation>zum Beispiel my-ollama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tools name models as id:model, for example my-ollama:llama3.2. Lower-case letters, digits and dashes.</source>
        <translation>Werkzeuge nennen Modelle als id:modell, zum Beispiel my-ollama:llama3.2. Kleinbuchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;APIs:</source>
        <translation>&amp;APIs:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Provider API key</source>
        <translation>API-Schlüssel des Anbieters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored in the system keychain, never in a file.</source>
        <translation>Wird im Systemschlüsselbund gespeichert, nie in einer Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any model name is sent on, and the models the provider reports are listed to tools. Uncheck to offer only the models ticked below.</source>
        <translation>Jeder Modellname wird weitergegeben, und die vom Anbieter gemeldeten Modelle werden den Werkzeugen angezeigt. Deaktivieren, um nur die unten angehakten Modelle anzubieten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models to offer</source>
        <translation>Angebotene Modelle</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None; type one to store it</source>
        <translation>Keiner; zum Speichern einen eingeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste your API key</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: most local servers need none</source>
        <translation>Optional: Die meisten lokalen Server brauchen keinen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A provider with the id &quot;%1&quot; exists already; pick another id.</source>
        <translation>Ein Anbieter mit der ID „%1“ existiert bereits; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the provider&apos;s base URL.</source>
        <translation>Geben Sie die Basis-URL des Anbieters ein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tick at least one API the provider speaks.</source>
        <translation>Kreuzen Sie mindestens eine API an, die der Anbieter spricht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least one model, or let any model name through.</source>
        <translation>Haken Sie mindestens ein Modell an oder lassen Sie jeden Modellnamen durch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This provider needs an API key; paste it first.</source>
        <translation>Dieser Anbieter braucht einen API-Schlüssel; fügen Sie ihn zuerst ein.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Asking %1 for its models…</source>
        <translation>Frage %1 nach seinen Modellen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected. The provider lists no models.</source>
        <translation>Verbunden. Der Anbieter nennt keine Modelle.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Connected. %n model(s) available.</source>
        <translation>
            <numerusform>Verbunden. %n Modell verfügbar.</numerusform>
            <numerusform>Verbunden. %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server also answers the OpenAI Responses API, so Codex and other Responses clients reach it without translation.</source>
        <translation>Der Server beantwortet auch die OpenAI-Responses-API, also erreichen Codex und andere Responses-Clients ihn ohne Übersetzung.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderProbe</name>
    <message>
        <location filename="../core/discovery/ProviderProbe.cpp" line="+75"/>
        <source>%1 answered with more than a model list; is this the API&apos;s base URL?</source>
        <translation>%1 antwortete mit mehr als einer Modellliste; ist das die Basis-URL der API?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 answered HTTP %2%3</source>
        <translation>%1 antwortete mit HTTP %2%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not answer with a model list; is this the API&apos;s base URL?</source>
        <translation>%1 antwortete nicht mit einer Modellliste; ist das die Basis-URL der API?</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProvidersPage</name>
    <message>
        <location filename="../ui/ProvidersPage.cpp" line="+21"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+162"/>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;all</source>
        <translation>&amp;Alle prüfen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ask every enabled provider whether it answers, and refresh their model lists.</source>
        <translation>Jeden aktiven Anbieter fragen, ob er antwortet, und seine Modellliste aktualisieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Models and last check:</source>
        <translation>&amp;Modelle und letzte Prüfung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider details</source>
        <translation>Anbieterdetails</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>in keychain</source>
        <translation>im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked %1</source>
        <translation>geprüft %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+78"/>
        <location line="+52"/>
        <source>Last hour: %1</source>
        <translation>Letzte Stunde: %1</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Keychain problem: %1
Provider keys stay only in the system keychain. Unlock it or start a Secret Service (GNOME Keyring, KWallet), then restart Gatehouse.</source>
        <translation>Schlüsselbundproblem: %1
Anbieterschlüssel liegen nur im Systemschlüsselbund. Entsperren Sie ihn oder starten Sie einen Secret Service (GNOME Keyring, KWallet) und starten Sie Gatehouse dann neu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No providers yet. Choose Add… to connect a model running on this machine or a cloud provider.</source>
        <translation>Noch keine Anbieter. Wählen Sie Hinzufügen…, um ein Modell auf diesem Rechner oder einen Cloud-Anbieter zu verbinden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Offers: any model name (sent on as is)</source>
        <translation>Bietet an: jeden Modellnamen (unverändert weitergegeben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offers:</source>
        <translation>Bietet an:</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Reachable (checked %1). It reports %n model(s):</source>
        <translation>
            <numerusform>Erreichbar (geprüft %1). Meldet %n Modell:</numerusform>
            <numerusform>Erreichbar (geprüft %1). Meldet %n Modelle:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unreachable (checked %1):</source>
        <translation>Nicht erreichbar (geprüft %1):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked yet. Test connection asks the provider for its models.</source>
        <translation>Noch nicht geprüft. „Verbindung testen“ fragt den Anbieter nach seinen Modellen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cooling off until %1</source>
        <translation>Pause bis %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no requests</source>
        <translation>keine Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % errors</source>
        <translation>%1 % Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first byte p50 %1 ms, p95 %2 ms</source>
        <translation>erstes Byte p50 %1 ms, p95 %2 ms</translation>
    </message>
    <message>
        <location line="+189"/>
        <location line="+29"/>
        <source>Cannot save the provider</source>
        <translation>Anbieter kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+56"/>
        <source>The provider &quot;%1&quot; no longer exists.</source>
        <translation>Der Anbieter „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The credentials could not be stored</source>
        <translation>Die Zugangsdaten konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The key could not be stored</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot change the provider</source>
        <translation>Anbieter kann nicht geändert werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the provider &quot;%1&quot; and its key in the keychain? Tools that name %1:… models will get errors.</source>
        <translation>Den Anbieter „%1“ und seinen Schlüssel im Schlüsselbund entfernen? Werkzeuge, die %1:…-Modelle nennen, erhalten dann Fehler.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot remove the provider</source>
        <translation>Anbieter kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>gatehouse::QwenSettingsWiring</name>
    <message>
        <location filename="../core/connect/QwenCodeWiring.cpp" line="+97"/>
        <source>modelProviders.openai is not a list of models</source>
        <translation>modelProviders.openai ist keine Liste von Modellen</translation>
    </message>
</context>
<context>
    <name>gatehouse::RequestLogModel</name>
    <message>
        <location filename="../ui/LogsPage.cpp" line="-483"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model asked for</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered by</source>
        <translation>Beantwortet von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFB ms</source>
        <translation>TTFB ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>gatehouse::RoutingPage</name>
    <message>
        <location filename="../ui/RoutingPage.cpp" line="+38"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Up</source>
        <translation>&amp;Hoch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do&amp;wn</source>
        <translation>&amp;Runter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save route</source>
        <translation>Route &amp;speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete route…</source>
        <translation>Route &amp;löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New route</source>
        <translation>&amp;Neue Route</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A route gives a name to an ordered list of models. Tools ask for the name; Gatehouse tries the candidates in turn when one fails (no connection, timeout, 429, 5xx), before any of the answer has been sent.</source>
        <translation>Eine Route gibt einer geordneten Liste von Modellen einen Namen. Werkzeuge fragen nach dem Namen; Gatehouse probiert die Kandidaten der Reihe nach, wenn einer versagt (keine Verbindung, Zeitüberschreitung, 429, 5xx), bevor etwas von der Antwort gesendet wurde.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Whose routes</source>
        <translation>Wessen Routen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A key configuration&apos;s own routes come before the routes for all keys, for the keys that use it.</source>
        <translation>Die eigenen Routen einer Schlüsselkonfiguration gehen für die Schlüssel, die sie verwenden, den Routen für alle Schlüssel vor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route name</source>
        <translation>Routenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fast, coder, or a model such as openai:gpt-4o</source>
        <translation>fast, coder oder ein Modell wie openai:gpt-4o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In order: the first, then the next on failure</source>
        <translation>Der Reihe nach: der erste, bei Fehlern der nächste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round robin: each request starts one further</source>
        <translation>Reihum: jede Anfrage beginnt einen weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weighted: the first drawn by weight</source>
        <translation>Gewichtet: der erste nach Gewicht gelost</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lowest latency: the fastest recently first</source>
        <translation>Geringste Latenz: der zuletzt schnellste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;trategy:</source>
        <translation>S&amp;trategie:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Candidates, in order (drag to reorder):</source>
        <translation>&amp;Kandidaten der Reihe nach (zum Umsortieren ziehen):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Model to add</source>
        <translation>Hinzuzufügendes Modell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>provider:model</source>
        <translation>anbieter:modell</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra tries of the same candidate (after its retry-after, or a short backoff) before moving on.</source>
        <translation>Weitere Versuche mit demselben Kandidaten (nach seinem retry-after oder einer kurzen Pause), bevor es weitergeht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retries per candidate:</source>
        <translation>&amp;Wiederholungen pro Kandidat:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time for all attempts together, until the first byte arrives.</source>
        <translation>Zeit für alle Versuche zusammen, bis das erste Byte eintrifft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dead&amp;line:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Routes for all keys</source>
        <translation>Routen für alle Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routes of key configuration &quot;%1&quot;</source>
        <translation>Routen der Schlüsselkonfiguration „%1“</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 is a candidate already.</source>
        <translation>%1 ist bereits ein Kandidat.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Saved. Tools can ask for the model &quot;%1&quot; now.</source>
        <translation>Gespeichert. Werkzeuge können jetzt das Modell „%1“ anfordern.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete route</source>
        <translation>Route löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the route &quot;%1&quot;? Tools that ask for it will get an error.</source>
        <translation>Die Route „%1“ löschen? Werkzeuge, die sie anfordern, erhalten dann einen Fehler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>gatehouse::SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="+26"/>
        <source>&amp;Apply and restart the gateway</source>
        <translation>&amp;Übernehmen und Gateway neu starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Gatehouse when I &amp;log in</source>
        <translation>Gatehouse beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell me in the &amp;tray when keys near or reach a token or spending limit</source>
        <translation>Im &amp;Infobereich melden, wenn Schlüssel ein Token- oder Ausgabenlimit fast oder ganz erreichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bind address</source>
        <translation>Bindeadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 keeps the gateway to this machine.</source>
        <translation>127.0.0.1 beschränkt das Gateway auf diesen Rechner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bind address:</source>
        <translation>&amp;Bindeadresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only 127.0.0.1 (this machine) is safe by default. Another address lets other machines reach your models with an access key, unencrypted.</source>
        <translation>Nur 127.0.0.1 (dieser Rechner) ist standardmäßig sicher. Eine andere Adresse lässt andere Rechner mit einem Zugangsschlüssel unverschlüsselt an Ihre Modelle.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start-up</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Gatehouse will start when you log in.</source>
        <translation>Gatehouse startet, wenn Sie sich anmelden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gatehouse will not start when you log in.</source>
        <translation>Gatehouse startet nicht, wenn Sie sich anmelden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The language changes the next time Gatehouse starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Gatehouse.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&quot;%1&quot; is not an IP address. Use 127.0.0.1 for this machine only.</source>
        <translation>„%1“ ist keine IP-Adresse. Verwenden Sie 127.0.0.1 nur für diesen Rechner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave this machine?</source>
        <translation>Diesen Rechner verlassen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on %1 lets other machines on the network reach your models. Requests still need an access key, but they travel unencrypted. Continue?</source>
        <translation>Lauschen auf %1 lässt andere Rechner im Netzwerk an Ihre Modelle. Anfragen brauchen weiterhin einen Zugangsschlüssel, werden aber unverschlüsselt übertragen. Fortfahren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listen on %1</source>
        <translation>Auf %1 lauschen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved. The gateway restarts on %1 port %2.</source>
        <translation>Gespeichert. Das Gateway startet neu auf %1 Port %2.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ToolCard</name>
    <message>
        <location filename="../ui/ConnectPage.cpp" line="-423"/>
        <source>Model for %1</source>
        <translation>Modell für %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Small model for %1</source>
        <translation>Kleines Modell für %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+97"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Gemini CLI reads these settings only in folders you trust (it asks the first time it starts in one).</source>
        <translation>Gemini CLI liest diese Einstellungen nur in Ordnern, denen Sie vertrauen (es fragt beim ersten Start in einem solchen Ordner).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Small model:</source>
        <translation>Kleines Modell:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For quick background tasks; empty: the main model</source>
        <translation>Für schnelle Hintergrundaufgaben; leer: das Hauptmodell</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not found on this machine</source>
        <translation>Auf diesem Rechner nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set up for %1, but not by this Gatehouse</source>
        <translation>für %1 eingerichtet, aber nicht von diesem Gatehouse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>small model: %1</source>
        <translation>kleines Modell: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writes %1</source>
        <translation>Schreibt %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This version of Gatehouse cannot set up %1 yet</source>
        <translation>Diese Version von Gatehouse kann %1 noch nicht einrichten</translation>
    </message>
</context>
<context>
    <name>gatehouse::ToolConnector</name>
    <message>
        <location filename="../core/connect/ToolConnector.cpp" line="+40"/>
        <location line="+59"/>
        <location line="+107"/>
        <source>&quot;%1&quot; is not a tool Gatehouse knows.</source>
        <translation>„%1“ ist kein Werkzeug, das Gatehouse kennt.</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+107"/>
        <source>Gatehouse cannot connect %1 yet.</source>
        <translation>Gatehouse kann %1 noch nicht verbinden.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The copy of %1 from before Connect is missing from %2.</source>
        <translation>Die Kopie von %1 von vor dem Verbinden fehlt in %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 is not connected.</source>
        <translation>%1 ist nicht verbunden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot remove it</source>
        <translation>%1: Die Datei kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Give a model: a route or PROVIDER:MODEL.</source>
        <translation>Geben Sie ein Modell an: eine Route oder ANBIETER:MODELL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is neither a route nor PROVIDER:MODEL of a configured provider.</source>
        <translation>„%1“ ist weder eine Route noch ANBIETER:MODELL eines eingerichteten Anbieters.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No provider &quot;%1&quot; is configured (in &quot;%2&quot;).</source>
        <translation>Es ist kein Anbieter „%1“ eingerichtet (in „%2“).</translation>
    </message>
</context>
<context>
    <name>gatehouse::UrlPolicy</name>
    <message>
        <location filename="../core/config/UrlPolicy.cpp" line="+55"/>
        <source>The base URL is empty.</source>
        <translation>Die Basis-URL ist leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>„%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must start with https:// (or http:// for a server on this machine or your own network).</source>
        <translation>„%1“ muss mit https:// beginnen (oder http:// für einen Server auf diesem Rechner oder in Ihrem eigenen Netzwerk).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; names no host.</source>
        <translation>„%1“ nennt keinen Host.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; contains a user name or password. Remove it and store the provider key in the keychain instead, so it is never written to disk in clear.</source>
        <translation>„%1“ enthält einen Benutzernamen oder ein Passwort. Entfernen Sie sie und speichern Sie den Anbieterschlüssel stattdessen im Schlüsselbund, damit er nie im Klartext auf die Festplatte gelangt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must not contain a #fragment.</source>
        <translation>„%1“ darf kein #Fragment enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; uses plain http:// to a public host, which would send your prompts and keys unencrypted over the internet. Use https://, or http:// only for this machine (localhost, 127.0.0.1), a private address (10.x, 172.16-31.x, 192.168.x) or a local name ending in .local, .lan, .internal or .home.arpa.</source>
        <translation>„%1“ verwendet einfaches http:// zu einem öffentlichen Host, womit Ihre Prompts und Schlüssel unverschlüsselt durch das Internet gingen. Verwenden Sie https://, oder http:// nur für diesen Rechner (localhost, 127.0.0.1), eine private Adresse (10.x, 172.16-31.x, 192.168.x) oder einen lokalen Namen auf .local, .lan, .internal oder .home.arpa.</translation>
    </message>
</context>
<context>
    <name>gatehouse::UsagePage</name>
    <message>
        <location filename="../ui/UsagePage.cpp" line="+89"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <location line="+27"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+4"/>
        <location line="+28"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+7"/>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+33"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First byte p50 (ms)</source>
        <translation>Erstes Byte p50 (ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First byte p95 (ms)</source>
        <translation>Erstes Byte p95 (ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local model</source>
        <translation>Lokales Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the cloud price (USD)</source>
        <translation>Zum Cloud-Preis (USD)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By hour</source>
        <translation>Nach Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stacked by provider</source>
        <translation>Gestapelt nach Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked by model</source>
        <translation>Gestapelt nach Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked by key</source>
        <translation>Gestapelt nach Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacking</source>
        <translation>Stapelung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Time to first byte per provider</source>
        <translation>Zeit bis zum ersten Byte je Anbieter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Local models&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lokale Modelle&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with the cloud &amp;model:</source>
        <translation>Mit dem Cloud-&amp;Modell vergleichen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud model to compare with</source>
        <translation>Cloud-Modell zum Vergleich</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The request log could not be read: %1</source>
        <translation>Das Anfrageprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>hour starting (local time)</source>
        <translation>Stunde ab (Ortszeit)</translation>
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
        <translation>Millisekunden</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No tokens were used in this time range.</source>
        <translation>In diesem Zeitraum wurden keine Tokens verbraucht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local models answered %1 % of the tokens (%2 of %3). At the price of %4 they would have cost $%5.</source>
        <translation>Lokale Modelle haben %1 % der Tokens beantwortet (%2 von %3). Zum Preis von %4 hätten sie $%5 gekostet.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+3"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>gatehouse::WelcomeDialog</name>
    <message>
        <location filename="../ui/WelcomeDialog.cpp" line="+52"/>
        <source>&amp;Add selected</source>
        <translation>&amp;Ausgewählte hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;cloud provider…</source>
        <translation>&amp;Cloud-Anbieter hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect your tools…</source>
        <translation>Werkzeuge &amp;verbinden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not now</source>
        <translation>&amp;Jetzt nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Welcome to Gatehouse</source>
        <translation>Willkommen bei Gatehouse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse gives your coding tools one address on this machine for the models you run yourself and the cloud providers you pay for. Start by adding a model.</source>
        <translation>Gatehouse gibt Ihren Programmierwerkzeugen eine Adresse auf diesem Rechner für die Modelle, die Sie selbst betreiben, und die Cloud-Anbieter, die Sie bezahlen. Fügen Sie zunächst ein Modell hinzu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model servers found on this machine</source>
        <translation>Modellserver auf diesem Rechner gefunden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connect your tools</source>
        <translation>Werkzeuge verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse can point Claude Code, Codex CLI, opencode, Gemini CLI, Qwen Code and Continue at itself by editing their own settings files, each with an access key of its own. Everything else in those files stays as it is, and Disconnect undoes it.</source>
        <translation>Gatehouse kann Claude Code, Codex CLI, opencode, Gemini CLI, Qwen Code und Continue auf sich selbst verweisen lassen, indem es deren eigene Einstellungsdateien bearbeitet, jedes mit einem eigenen Zugangsschlüssel. Alles andere in diesen Dateien bleibt, wie es ist, und „Trennen“ macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Looking for model servers on this machine…</source>
        <translation>Suche nach Modellservern auf diesem Rechner…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No model server answered on this machine (Ollama, LM Studio, vLLM, llama.cpp, LocalAI, Jan, GPT4All at their usual ports). Add a cloud provider, or skip and add one later from the Providers page.</source>
        <translation>Auf diesem Rechner hat kein Modellserver geantwortet (Ollama, LM Studio, vLLM, llama.cpp, LocalAI, Jan, GPT4All an ihren üblichen Ports). Fügen Sie einen Cloud-Anbieter hinzu oder überspringen Sie dies und fügen Sie später auf der Seite Anbieter einen hinzu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found on this machine; add what you want to use:</source>
        <translation>Auf diesem Rechner gefunden; fügen Sie hinzu, was Sie verwenden möchten:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on this machine (%2), with no model yet: add it?</source>
        <translation>%1 auf diesem Rechner (%2), noch ohne Modell: hinzufügen?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 on this machine (%2) with %n model(s): add it?</source>
        <translation>
            <numerusform>%1 auf diesem Rechner (%2) mit %n Modell: hinzufügen?</numerusform>
            <numerusform>%1 auf diesem Rechner (%2) mit %n Modellen: hinzufügen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Could not add: %1</source>
        <translation>Konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>None of these tools was found on this machine yet; the Connect page also shows how to point any other tool or SDK here.</source>
        <translation>Keines dieser Werkzeuge wurde bisher auf diesem Rechner gefunden; die Seite Verbinden zeigt auch, wie Sie jedes andere Werkzeug oder SDK hierher verweisen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found on this machine: %1.</source>
        <translation>Auf diesem Rechner gefunden: %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::wiring</name>
    <message>
        <location filename="../core/connect/WiringEdits.cpp" line="+33"/>
        <source>line %1: %2 (comments and trailing commas are not JSON)</source>
        <translation>Zeile %1: %2 (Kommentare und nachgestellte Kommas sind kein JSON)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file holds no JSON object</source>
        <translation>die Datei enthält kein JSON-Objekt</translation>
    </message>
</context>
</TS>
