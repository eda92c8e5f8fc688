<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>gatehouse::ChatPage</name>
    <message numerus="yes">
        <location filename="../ui/ChatPage.cpp" line="+289"/>
        <source>Loaded a conversation of %n turn(s) from the request log; pick a model and send.</source>
        <translation>
            <numerusform>Loaded a conversation of %n turn from the request log; pick a model and send.</numerusform>
            <numerusform>Loaded a conversation of %n turns from the request log; pick a model and send.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ImportDialog</name>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="+181"/>
        <source>Imported %n provider(s) and %1 route(s).</source>
        <translation>
            <numerusform>Imported %n provider and %1 route(s).</numerusform>
            <numerusform>Imported %n providers and %1 route(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::LocalWizardPage</name>
    <message numerus="yes">
        <location filename="../ui/AddProviderWizard.cpp" line="+354"/>
        <source>%n model(s): %1</source>
        <translation>
            <numerusform>%n model: %1</numerusform>
            <numerusform>%n models: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Found %n server(s).</source>
        <translation>
            <numerusform>Found %n server.</numerusform>
            <numerusform>Found %n servers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::LogsPage</name>
    <message numerus="yes">
        <location filename="../ui/LogsPage.cpp" line="+713"/>
        <source>Removed %n request(s).</source>
        <translation>
            <numerusform>Removed %n request.</numerusform>
            <numerusform>Removed %n requests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::OllamaModelsPanel</name>
    <message numerus="yes">
        <location filename="../ui/AddProviderWizard.cpp" line="-144"/>
        <source>The context length and capabilities of %n model(s) were not read, to keep the scan short.</source>
        <translation>
            <numerusform>The context length and capabilities of %n model were not read, to keep the scan short.</numerusform>
            <numerusform>The context length and capabilities of %n models were not read, to keep the scan short.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderForm</name>
    <message numerus="yes">
        <location filename="../ui/ProviderForm.cpp" line="+261"/>
        <source>Connected. %n model(s) available.</source>
        <translation>
            <numerusform>Connected. %n model available.</numerusform>
            <numerusform>Connected. %n models available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ProvidersPage</name>
    <message numerus="yes">
        <location filename="../ui/ProvidersPage.cpp" line="+277"/>
        <source>Reachable (checked %1). It reports %n model(s):</source>
        <translation>
            <numerusform>Reachable (checked %1). It reports %n model:</numerusform>
            <numerusform>Reachable (checked %1). It reports %n models:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::WelcomeDialog</name>
    <message numerus="yes">
        <location filename="../ui/WelcomeDialog.cpp" line="+173"/>
        <source>%1 on this machine (%2) with %n model(s): add it?</source>
        <translation>
            <numerusform>%1 on this machine (%2) with %n model: add it?</numerusform>
            <numerusform>%1 on this machine (%2) with %n models: add it?</numerusform>
        </translation>
    </message>
</context>
</TS>
