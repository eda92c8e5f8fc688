# The Debian package: the binary, the .desktop entry, the icons and the AppStream metainfo.
# Build it with:  cmake --preset release && cmake --build --preset release && (cd build/release && cpack)
include(GNUInstallDirs)
if(GATEHOUSE_BUILD_GUI)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/org.gatehouse.Gatehouse.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/org.gatehouse.Gatehouse.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/gatehouse.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 32 48 64 128 256)
        install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/gatehouse-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME gatehouse.png)
    endforeach()
endif()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "gatehouse")
set(CPACK_PACKAGE_VENDOR "The Gatehouse developers")
set(CPACK_PACKAGE_CONTACT "The Gatehouse developers <packaging@gatehouse.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop app with a built-in local AI gateway")
set(CPACK_PACKAGE_DESCRIPTION
    "Gatehouse gives every AI tool on this machine one local endpoint for the models you run yourself and the cloud providers you use. Provider keys stay in the system keychain.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The Qt and QtKeychain libraries the binary links, worked out by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SVG plugins draw the icon at any scale; a Secret Service keeps the provider keys.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
include(CPack)
