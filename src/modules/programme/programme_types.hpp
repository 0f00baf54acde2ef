#pragma once
// The programme's public content: regions, themes, groups, calendar, contacts and pages.
#include <map>
#include <string>
#include <vector>

namespace avenir::programme {

// Text per language code.
using Texts = std::map<std::string, std::string, std::less<>>;

struct Region {
    std::string slug;
    int position = 0;
    Texts name, summary_md;
};
struct Theme {
    int number = 0;
    Texts title, summary;
};
struct Group {
    std::string slug;
    int position = 0, sessions = 0, hours = 0;
    Texts name, description_md;
};
struct Phase {
    std::string slug;
    int position = 0;
    Texts when, title, description;
};
struct Contact {
    std::string name, organisation, email;
};
struct ContactGroup {
    std::string slug;
    int position = 0;
    Texts name;
    std::vector<std::string> regions;  // region slugs this group answers for
    std::vector<Contact> contacts;
};
struct Page {
    std::string slug;
    Texts title, body_md;
    // Per translation: the fingerprint of the English text it was made from (front matter
    // `translated_from`); a translation whose English source has changed since is outdated.
    Texts translated_from;
};

struct Content {
    std::vector<Region> regions;
    std::vector<Theme> themes;
    std::vector<Group> groups;
    std::vector<Phase> phases;
    std::vector<ContactGroup> contact_groups;
    std::vector<Page> pages;
};

}  // namespace avenir::programme
