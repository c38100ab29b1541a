// Command uniontypes reads a Speakeasy Go SDK's stream-event union from the SDK's own source, at build
// time: Go keeps no constants at run time, so the event types the union dispatches on are not there to
// be walked by reflection. It writes, as JSON, each `type` the union's UnmarshalJSON switches on and
// the union member it fills for it, in the SDK's order.
//
//	go run openresponses-conformance/harnesslib/cmd/uniontypes <package> <union type> <out.json>
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Member is one arm of the union's discriminator switch.
type Member struct {
	Type  string `json:"type"`
	Field string `json:"field"`
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "uniontypes: "+format+"\n", a...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 4 {
		fail("usage: uniontypes <package> <union type> <out.json>")
	}
	pkg, union, out := os.Args[1], os.Args[2], os.Args[3]
	dir, err := exec.Command("go", "list", "-f", "{{.Dir}}", pkg).Output()
	if err != nil {
		fail("go list %s: %v", pkg, err)
	}
	files, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(dir)), "*.go"))
	var members []Member
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			fail("%v", err)
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "UnmarshalJSON" && receiver(fn) == union {
				members = append(members, switchArms(fn)...)
			}
		}
	}
	if len(members) == 0 {
		fail("no discriminator switch in (*%s).UnmarshalJSON in %s", union, pkg)
	}
	b, _ := json.MarshalIndent(map[string]any{"package": pkg, "union": union, "members": members}, "", "  ")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		fail("%v", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		fail("%v", err)
	}
}

func receiver(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return ""
	}
	if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
		if id, ok := star.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

// switchArms reads `switch dis.Type { case "…": … u.Member = member … }`: each case's strings and the
// union field the case assigns (its Type field aside).
func switchArms(fn *ast.FuncDecl) []Member {
	recv := fn.Recv.List[0].Names[0].Name
	var members []Member
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok {
			return true
		}
		if tag, ok := sw.Tag.(*ast.SelectorExpr); !ok || tag.Sel.Name != "Type" {
			return true
		}
		for _, c := range sw.Body.List {
			clause := c.(*ast.CaseClause)
			field := ""
			ast.Inspect(clause, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok && field == "" {
					if sel, ok := as.Lhs[0].(*ast.SelectorExpr); ok && sel.Sel.Name != "Type" {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == recv {
							field = sel.Sel.Name
						}
					}
				}
				return true
			})
			for _, e := range clause.List {
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING && field != "" {
					s, _ := strconv.Unquote(lit.Value)
					members = append(members, Member{Type: s, Field: field})
				}
			}
		}
		return false
	})
	return members
}
