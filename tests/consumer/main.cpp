// Checks the enterprise file FILE (on its application date) with the installed engine and its built-in rule data,
// and prints the result JSON: what another program does with find_package(nvcheck).
#include <fstream>
#include <iostream>
#include <sstream>

#include <nvcheck/builtin_rules.hpp>
#include <nvcheck/nvcheck.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer FILE\n";
    return 2;
  }
  std::ifstream f(argv[1], std::ios::binary);
  std::ostringstream text;
  text << f.rdbuf();
  const nvcheck::Options options;  // English, the file's application date
  const nvcheck::Output out = nvcheck::check_json(text.str(), options, *nvcheck::builtin_rules());
  std::cout << out.text << '\n';
  return out.verdict == nvcheck::Verdict::pass ? 0 : out.verdict == nvcheck::Verdict::fail ? 1 : 2;
}
