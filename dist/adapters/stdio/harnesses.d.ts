/** What adapters/<folder>/harness.json says: how a harness is built and run. */
export interface HarnessManifest {
    folder: string;
    dir: string;
    toolchain: {
        command: string;
        install: string;
    };
    inputs: string[];
    build: string[][];
    /** A file the build leaves behind; by default the stamp in build/. */
    built?: string;
    adapters: {
        name: string;
        summary: string;
        run: string[];
    }[];
    /** A build that fails this way (a regular expression over its output) lacks a download, which `say` tells how to get. */
    unavailable?: {
        match: string;
        say: string;
    };
}
export declare const ADAPTERS_DIR: string;
export declare function loadManifests(): HarnessManifest[];
/** The harness's own files are here: a clone has them, an installed package carries only the manifest. */
export declare function hasSources(m: HarnessManifest): boolean;
/** A digest of everything a build depends on: when it is unchanged, the build is too. */
export declare function inputsDigest(m: HarnessManifest): string;
export declare function stampPath(m: HarnessManifest): string;
export declare function isBuilt(m: HarnessManifest): boolean;
