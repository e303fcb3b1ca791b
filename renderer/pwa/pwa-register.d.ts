/** The types of vite-plugin-pwa's `virtual:pwa-register` module. */
/// <reference types="vite-plugin-pwa/vanillajs" />
