export declare const TOOL: {
    name: string;
    version: string;
};
//# sourceMappingURL=tool.d.ts.map